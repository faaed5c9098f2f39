// Public API of the tagging stage.
export { loadElection } from './load-election.ts';
export type { Election, EntityDef, NamesakeDef, TopicDef } from './election.ts';
export { createTagger, loadTagger } from './tagger.ts';
export { loadToneLexicons, sentenceTone, type ToneLexicons } from './tone.ts';
export { tagStream, type TagStreamDeps } from './tag-stream.ts';
export { foldText } from './fold.ts';
