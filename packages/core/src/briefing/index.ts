export { buildBriefing, type Briefing, type BriefingBar, type BriefingFigure, type BriefingScope } from './briefing.js';
export { briefingMarkdown } from './markdown.js';
export { BRIEFING_LANGUAGES, type BriefingHeadings, type BriefingLanguage } from './words.js';
