export { coalitionCard, partnerCard } from './card.js';
