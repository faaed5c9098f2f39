// Capitalised words that may stand before a bare surname without being a first name
// (sentence openers, honorifics, roles). Anything else capitalised right before a bare
// surname is taken as another person's first name (Elşən Musayev, Rauf Əliyev).
import { foldText } from './fold.ts';

const WORDS = `
bu o bunu bundan buna onu ona lakin amma ancaq həmçinin eyni daha sonra dünən bugün bu gün
indi çünki yəni belə hətta artıq hələ üstəlik xüsusilə məhz cənab namizəd namizədi deputat
sədr sədri millət vəkili və ki isə də da həm nə hansı bəs necə niyə əgər
но и а однако также вчера сегодня затем потом господин кандидат ещё еще при по в на как что
тогда лидер председатель депутат
the but and however yesterday today then mr mrs ms dr candidate meanwhile also later when
while as both leader chairman opposition
ama fakat ancak ve dün bugün sayın aday lider başkan
`;

export const FUNCTION_WORDS = new Set(WORDS.split(/\s+/).filter(Boolean).map(foldText));
