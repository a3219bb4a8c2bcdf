export { coalitionCard, partnerCard } from './card.js';
export { areasChart } from './chart.js';
