//! The word lists shared by several stages: which words attribute a
//! statement (cue verbs with all their forms), which nouns can be speakers,
//! which pronouns stand for an earlier speaker, and the closed-class words the
//! attribution rules know.
//!
//! This is shared vocabulary, below every stage: the structure stage
//! ([`crate::text`]) reads the cue verbs to recognise quote introductions
//! ("He said:"), and the claims stage ([`crate::claims`]) reads all of it to
//! find attributions. Keeping the words here, not in `claims`, is what lets
//! `text` come before `claims` without importing it.
//!
//! [`Lexicon::default`] is built from the data files in `data/lexicon/`
//! (`cues.tsv`, `speakers.txt`, `pronouns.tsv`, `words.tsv`), compiled into
//! the crate. Users extend it in code ([`Lexicon::add_cue`],
//! [`Lexicon::add_speaker_noun`]) or with a file in the `cues.tsv` format
//! ([`Lexicon::add_cues_tsv`]). The types are also re-exported from
//! [`crate::claims`], where the extractor takes them.

use crate::data::data_rows;
use crate::error::Error;
use crate::hash::FastMap;

const CUES: &str = include_str!("../data/lexicon/cues.tsv");
const SPEAKERS: &str = include_str!("../data/lexicon/speakers.txt");
const PRONOUNS: &str = include_str!("../data/lexicon/pronouns.tsv");
const WORDS: &str = include_str!("../data/lexicon/words.tsv");

/// Month names in calendar order, lower case: the one list the structure
/// and timeline stages compare words with.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names from Monday, lower case.
pub const WEEKDAY_NAMES: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether a lower-case word is a month or weekday name.
pub fn is_month_or_weekday(word: &str) -> bool {
    MONTH_NAMES.contains(&word) || WEEKDAY_NAMES.contains(&word)
}

/// What kind of attribution a cue makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CueClass {
    /// A verb of saying: "said", "told", "claimed".
    Speech,
    /// A verb of publishing: "reported", "wrote", "posted".
    Report,
    /// A verb of belief: "believes", "hopes". Only taken with a "that" complement.
    Belief,
    /// A verb that attributes only in a frame around a direct quote
    /// ("«…,» Ushakov expressed"); elsewhere it takes an object ("expressed concern").
    Quote,
    /// A preposition-like cue whose speaker follows it: "according to".
    According,
}

impl CueClass {
    fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "speech" => CueClass::Speech,
            "report" => CueClass::Report,
            "belief" => CueClass::Belief,
            "quote" => CueClass::Quote,
            "according" => CueClass::According,
            _ => return None,
        })
    }
}

/// One form of a cue as the lexicon knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueForm {
    /// The dictionary form ("say" for "said").
    pub lemma: String,
    /// The class.
    pub class: CueClass,
    /// The words of the form, lower case (one for "said", two for "according to").
    pub words: Vec<String>,
}

impl CueForm {
    /// Whether the form is a present participle ("adding", "saying"): such a
    /// cue after a comma takes the clause's earlier speaker.
    pub fn is_participle(&self) -> bool {
        self.words.last().is_some_and(|w| w.ends_with("ing"))
    }

    /// Whether the form is the lemma itself ("say", "claim"): as a verb it needs
    /// a plural subject ("officials say"); otherwise it is often a noun ("the state").
    pub fn is_base(&self) -> bool {
        self.words.len() == 1 && self.words[0] == self.lemma
    }

    /// Whether the cue names an addressee right after it ("told TASS").
    pub fn takes_addressee(&self) -> bool {
        self.lemma == "tell"
    }
}

/// What a speaker noun is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NounKind {
    /// A title or role that can stand before a name ("spokesperson", "minister").
    Role,
    /// A body of people or an organisation ("officials", "ministry").
    Group,
    /// An abbreviated title written with a dot ("Mr.", "Gen.").
    Title,
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PronounKind {
    /// A person ("he", "she").
    Person,
    /// An organisation or group ("it").
    Group,
    /// Anything ("they", "who").
    Any,
    /// The writer ("I", "we" outside quotes): never resolved.
    Author,
}

/// Classes of closed-class words the attribution rules know (see `data/lexicon/words.tsv`);
/// a word may be in several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WordClass {
    /// Opens a noun phrase: "the", "a", "both".
    Det = 1,
    /// May stand between a speaker and the cue: "has", "also".
    Skip = 2,
    /// Cannot start a statement's content: "of", "about".
    Bad = 4,
    /// Names a time: "Tuesday", "yesterday".
    Time = 8,
    /// Joins two capitalised words inside a name: "Secretary of State".
    Join = 16,
    /// Never a lower-case modifier inside a speaker noun phrase: "while", "in".
    Stop = 32,
    /// An adverb that may stand between a cue and its content: "said later that".
    Adv = 64,
}

type WordMap<V> = FastMap<String, V>;

/// Everything the lexicon knows about one lower-case word, looked up once per token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// [`WordClass`] bits.
    pub classes: u8,
    pub noun: Option<NounKind>,
    pub pronoun: Option<PronounKind>,
    /// Whether some cue form starts with this word.
    pub cue: bool,
}

/// The words the extractor knows. Build once, share across documents.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// First word of each cue form → the forms starting with it (longest first).
    cues: WordMap<Vec<CueForm>>,
    info: WordMap<WordInfo>,
    /// `info` again for words of at most eight bytes, keyed by the bytes packed
    /// into a `u64`: most words are short, and this look-up needs no string compare.
    short: FastMap<u64, WordInfo>,
}

/// The bytes of a word of one to eight bytes packed into a `u64` (zero-padded, so
/// distinct words give distinct keys).
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(buf))
}

impl Default for Lexicon {
    /// The built-in English lexicon from `data/lexicon/`.
    fn default() -> Lexicon {
        let mut lex = Lexicon::empty();
        // The built-in files are tested to parse (see the unit tests), so an error here cannot happen.
        let _ = lex.add_cues_tsv(CUES);
        for (_, cols) in data_rows(SPEAKERS) {
            let kind = match cols.get(1).copied() {
                Some("group") => NounKind::Group,
                Some("title") => NounKind::Title,
                _ => NounKind::Role,
            };
            if let Some(w) = cols.first() {
                lex.add_speaker_noun(w, kind);
            }
        }
        for (_, cols) in data_rows(PRONOUNS) {
            let kind = match cols.get(2).copied() {
                Some("person") => PronounKind::Person,
                Some("group") => PronounKind::Group,
                Some("author") => PronounKind::Author,
                _ => PronounKind::Any,
            };
            if let Some(w) = cols.first() {
                let w = w.to_lowercase();
                lex.info.entry(w.clone()).or_default().pronoun = Some(kind);
                lex.sync(&w);
            }
        }
        for (_, cols) in data_rows(WORDS) {
            let class = match cols.get(1).copied() {
                Some("det") => WordClass::Det,
                Some("skip") => WordClass::Skip,
                Some("bad") => WordClass::Bad,
                Some("time") => WordClass::Time,
                Some("join") => WordClass::Join,
                Some("stop") => WordClass::Stop,
                Some("adv") => WordClass::Adv,
                _ => continue,
            };
            if let Some(w) = cols.first() {
                let w = w.to_lowercase();
                lex.info.entry(w.clone()).or_default().classes |= class as u8;
                lex.sync(&w);
            }
        }
        lex
    }
}

impl Lexicon {
    /// A lexicon that knows no words (for building one from scratch).
    pub fn empty() -> Lexicon {
        Lexicon { cues: WordMap::default(), info: WordMap::default(), short: FastMap::default() }
    }

    /// Add a cue: `form` is one or more words as written ("opined", "went on to say").
    ///
    /// ```
    /// use dateline::lexicon::{CueClass, Lexicon};
    /// let mut lex = Lexicon::default();
    /// assert!(lex.cue("opined").is_none());
    /// lex.add_cue("opine", "opined", CueClass::Speech);
    /// assert_eq!(lex.cue("opined").unwrap().lemma, "opine");
    /// ```
    pub fn add_cue(&mut self, lemma: &str, form: &str, class: CueClass) -> &mut Lexicon {
        let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else { return self };
        self.info.entry(first.clone()).or_default().cue = true;
        self.sync(&first);
        let entry = self.cues.entry(first).or_default();
        entry.retain(|f| f.words != words);
        entry.push(CueForm { lemma: lemma.to_string(), class, words });
        entry.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        self
    }

    /// Add the cues of a file in the `data/lexicon/cues.tsv` format:
    /// `lemma<TAB>class<TAB>form|form|...`, `#` comment lines.
    ///
    /// ```
    /// let mut lex = dateline::lexicon::Lexicon::empty();
    /// lex.add_cues_tsv("opine\tspeech\topine|opines|opined\n")?;
    /// assert!(lex.cue("opines").is_some());
    /// assert!(lex.add_cues_tsv("opine\tshouting\topined\n").is_err());
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn add_cues_tsv(&mut self, text: &str) -> crate::Result<&mut Lexicon> {
        for (line, cols) in data_rows(text) {
            let (Some(lemma), Some(class), Some(forms)) = (cols.first(), cols.get(1), cols.get(2)) else {
                return Err(lexicon_error(line, "three tab-separated columns: lemma, class, forms"));
            };
            let class = CueClass::parse(class.trim())
                .ok_or_else(|| lexicon_error(line, "a class of speech, report, belief, quote or according"))?;
            for form in forms.split('|').filter(|f| !f.trim().is_empty()) {
                self.add_cue(lemma.trim(), form.trim(), class);
            }
        }
        Ok(self)
    }

    /// Add a noun that can be (part of) a speaker: "spokesperson", "junta".
    pub fn add_speaker_noun(&mut self, word: &str, kind: NounKind) -> &mut Lexicon {
        let w = word.to_lowercase();
        self.info.entry(w.clone()).or_default().noun = Some(kind);
        self.sync(&w);
        self
    }

    /// The single-word cue form `word` (any case), if known.
    pub fn cue(&self, word: &str) -> Option<&CueForm> {
        let lower = word.to_lowercase();
        self.cues.get(&lower)?.iter().find(|f| f.words.len() == 1)
    }

    /// The cue forms starting with the lower-case word `first`, longest first.
    pub(crate) fn cues_starting(&self, first: &str) -> &[CueForm] {
        self.cues.get(first).map_or(&[], Vec::as_slice)
    }

    /// What the lower-case `word` is as a speaker noun.
    pub fn noun(&self, word: &str) -> Option<NounKind> {
        self.info.get(word)?.noun
    }

    /// What the lower-case `word` is as a pronoun.
    pub fn pronoun(&self, word: &str) -> Option<PronounKind> {
        self.info.get(word)?.pronoun
    }

    /// What the lexicon knows about the lower-case `word`.
    pub(crate) fn info(&self, word: &str) -> WordInfo {
        match short_key(word) {
            Some(k) => self.short.get(&k).copied().unwrap_or_default(),
            None => self.info.get(word).copied().unwrap_or_default(),
        }
    }

    /// Mirror `info[word]` into the short-word table after a change.
    fn sync(&mut self, word: &str) {
        if let (Some(k), Some(i)) = (short_key(word), self.info.get(word)) {
            self.short.insert(k, *i);
        }
    }
}

fn lexicon_error(line: usize, expected: &str) -> Error {
    Error::Config(format!("cue lexicon line {line}: expected {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse_without_errors() {
        let mut lex = Lexicon::empty();
        assert!(lex.add_cues_tsv(CUES).is_ok());
        let lex = Lexicon::default();
        assert_eq!(lex.cue("SAID").map(|c| c.lemma.as_str()), Some("say"));
        assert_eq!(lex.cues_starting("according")[0].class, CueClass::According);
        assert_eq!(lex.noun("spokesperson"), Some(NounKind::Role));
        assert_eq!(lex.noun("officials"), Some(NounKind::Group));
        assert_eq!(lex.pronoun("she"), Some(PronounKind::Person));
        let is = |w: &str, c: WordClass| lex.info(w).classes & c as u8 != 0;
        assert!(is("the", WordClass::Det));
        assert!(is("and", WordClass::Join) && is("and", WordClass::Bad));
        assert!(!is("the", WordClass::Skip));
        assert!(lex.info("said").cue && !lex.info("table").cue);
    }

    #[test]
    fn multiword_forms_are_tried_longest_first() {
        let lex = Lexicon::default();
        let forms = lex.cues_starting("pointed");
        assert_eq!(forms[0].words, vec!["pointed", "out"]);
        assert!(lex.cue("adding").unwrap().is_participle());
        assert!(lex.cue("told").unwrap().takes_addressee());
    }
}
