//! Entities: find the people, organisations and places of a gazetteer in
//! article text, with exact byte offsets.
//!
//! A [`Gazetteer`] is a list of [`Entity`]s (an id, a [`Kind`], a name and
//! aliases), loaded from a TSV file ([`Gazetteer::load`],
//! [`Gazetteer::from_tsv`]), built in code ([`Gazetteer::builder`]), taken
//! from the built-in world list ([`Gazetteer::builtin`]), or any mix of these
//! ([`GazetteerBuilder::builtin`], [`GazetteerBuilder::gazetteer`]). It is
//! built once and then matched against any number of documents.
//!
//! # The TSV format
//!
//! UTF-8, one entity per line, columns separated by tabs; a line whose first
//! non-blank character is `#` is a comment, blank lines are ignored:
//!
//! ```text
//! id<TAB>kind<TAB>name<TAB>aliases<TAB>option<TAB>option...
//! yuri-ushakov<TAB>person<TAB>Yuri Ushakov<TAB>Ushakov|Yury Ushakov|Kremlin aide Yuri Ushakov
//! us<TAB>place<TAB>United States<TAB>U.S.|US|USA|the United States|America<TAB>case[America]=sensitive
//! ```
//!
//! (`<TAB>` stands for one tab character.)
//!
//! - `id`: unique, no white space. `kind`: `person`, `organization` (or
//!   `organisation`, `org`), `place` (or `location`); any other single word is
//!   kept as [`Kind::Other`]. `name`: required. `aliases`: `|`-separated, may
//!   be empty or absent.
//! - Extra columns are options, one `key=value` per column:
//!   - `case=auto|sensitive|insensitive|title`: the [`CaseRule`] of the name
//!     and every alias of the entity (default `auto`);
//!   - `case[ALIAS]=RULE`: the rule of one alias (or of the name), overriding
//!     the entity's;
//!   - `partial=yes|no`: whether a later surname-only mention links to this
//!     entity after its full name appeared (default: yes for people, no
//!     otherwise; see [In-document linking](#in-document-linking));
//!   - `priority=N`: an integer; among entities sharing an alias the highest
//!     priority wins (default 0; the built-in list uses -1 so a user's entities
//!     win over it);
//!   - `context=ID|ID`: entities whose presence in a document supports this
//!     one when an alias is ambiguous (for example `washington-dc` with
//!     `context=maryland|virginia`).
//!
//! Errors name the line and column and say what was expected: a missing
//! column, an empty id, kind, name or alias, a duplicate id (with the line
//! of the first), an unknown option or value.
//!
//! # Matching
//!
//! All aliases go into an [`aho_corasick`] automaton (leftmost-longest, ASCII
//! case folded), run over each sentence of the given [`Section`] only, so
//! boilerplate never yields a mention. Since a mention must start a word,
//! the automaton is not run over every byte: the scan jumps (a tight table
//! loop) to bytes that can start a pattern at a word start and walks the
//! automaton anchored there: at a capital letter over all patterns, at any
//! other start only over the few patterns that can begin without one (an
//! insensitive alias, "the United States"). Most words of running text are
//! skipped after one table look-up, whatever the size of the gazetteer. The
//! walk remembers every alias end it passes, and each candidate, longest
//! first, is then checked:
//!
//! - **Whole words** by Unicode word boundaries (UAX #29 word characters:
//!   letters, digits, marks, `_`; `.`, `'`, `:` join letters, and `,`, `.`
//!   join digits): "US" is not found in "USA", "focus" or "U.S.A"; "Russia" is
//!   found in "U.S.–Russia" and, as one exception to UAX #29, before a
//!   possessive `'s` ("Russia's").
//! - **Case** by the alias's [`CaseRule`]. `auto` (the default) makes an alias
//!   without lower-case letters (an acronym: "US", "TASS", "U.S.")
//!   case-sensitive and any other alias title-tolerant: it matches as
//!   written, with word-initial letters capitalised (sentence starts,
//!   headline case), and in all capitals (headlines in caps), but not in
//!   lower case ("turkey" is not Turkey).
//!
//! A failed long alias thus never hides a valid shorter one at the same
//! place ("New York" in "New York times").
//!
//! **Typography.** Aliases are folded with [`crate::text::normalize`]
//! (curly and straight apostrophes and quotes, the dash family, non-breaking
//! and other spaces, soft hyphens), and an alias with an apostrophe or a
//! hyphen is also a pattern with a curly apostrophe and an en dash, the
//! forms news text uses. A sentence is folded (and spans mapped back to the
//! original bytes) only when it holds a typographic character that can still
//! change a match: an odd space or invisible character, or another
//! apostrophe or dash right after a word that some alias continues with one.
//! Quotes and dashes between words only bound words, and the boundary checks
//! read them as they are. Plain sentences are searched in place, no copy.
//!
//! # Ambiguity
//!
//! An alias several entities share ("Washington": the city and the US
//! government) yields one mention whose [`Found::candidates`] lists every
//! entity that matched; it is never dropped. The entity reported is chosen
//! by these rules, in order, and [`Found::resolution`] says which decided:
//!
//! 1. [`Resolution::Priority`]: the higher `priority` (user entities over
//!    built-in ones).
//! 2. [`Resolution::Context`]: the candidate with more support in the same
//!    section: its own unambiguous mentions, plus unambiguous mentions of the
//!    entities in its `context` option.
//! 3. [`Resolution::Locative`]: after "in", "at", "near", "outside" or
//!    "across" a place candidate is preferred ("trade missions in
//!    Washington").
//! 4. [`Resolution::KindPreference`]: the kind that comes first in the
//!    builder's [`GazetteerBuilder::kind_preference`] (default: organisation,
//!    person, place, others), so a bare "Washington" is the government.
//! 5. [`Resolution::Order`]: the entity listed first.
//!
//! # In-document linking
//!
//! After a full mention of a person (the name or any alias of two or more
//! words, such as "Alexander Darchiev" or "President Trump"), a later
//! surname-only mention ("Darchiev", "Trump") in the same section links to
//! that entity ([`Link::Partial`]) even when the surname is not an alias.
//! The surname is the last word of the name, or the words from a lower-case
//! particle on ("von der Leyen"); generational suffixes are skipped. When two
//! people share a surname the most recently mentioned one wins
//! ([`Resolution::Recency`]). Variant spellings the user lists as aliases
//! ("Alexander Darchiyev") contribute their surnames too. Gazetteer matches
//! take precedence over surname links.
//!
//! # Cost
//!
//! Measured by `cargo bench --bench gazetteer` on the generated news corpus
//! (about 15 mentions per KB of article text; figures in the README's
//! Performance table, on-CPU time on a shared two-core machine). The fast
//! path, [`Gazetteer::find_into`] (resolved matches borrowing their entity,
//! no allocation per mention; [`Gazetteer::mentions`] is built on it), runs
//! at about 270 MB/s with the example gazetteer and the built-in world list
//! (1,868 patterns) and about 235 MB/s with 100,000 aliases, 70–80% of what
//! a bare `AhoCorasick::find_iter` (no word boundaries, no case rules, no
//! resolution) achieves over the same sentences at the same moment. Word
//! boundaries are decided on bytes when the bytes around them are ASCII.
//! [`Gazetteer::analyze`], which also copies each mention's id and text into
//! owned [`Mention`]s and counts entities, runs at about 155 MB/s: at this
//! density the allocations cost about as much as the matching.
//! Speed barely depends on the number of aliases because the scan
//! skips words that cannot start one. A gazetteer of 100,000 aliases builds
//! in under half a second of CPU time and its matcher holds 14.5 MB
//! ([`Gazetteer::memory_usage`]): the automaton is built over ASCII
//! lower-cased keys and the walk folds the text's bytes, which halves its
//! transitions compared with a case-insensitive automaton. A section
//! allocates only what it returns: buffers are reused per thread.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::text::Section;
use crate::Span;

mod boundary;
mod builder;
mod builtin;
mod link;
mod load;
mod matcher;

pub use builder::GazetteerBuilder;
use matcher::Matcher;

/// What kind of thing an entity is. Any other word in a gazetteer is kept as [`Kind::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation, agency, ministry, company, outlet.
    Organization,
    /// A country, city, region or property.
    Place,
    /// A user-defined kind.
    Other(String),
}

impl Kind {
    /// The kind named by a gazetteer's kind column: `person`, `organization`
    /// (`organisation`, `org`), `place` (`location`), case-insensitive; any
    /// other word becomes [`Kind::Other`] in lower case.
    ///
    /// ```
    /// use dateline::gazetteer::Kind;
    /// assert_eq!(Kind::parse("Organisation"), Kind::Organization);
    /// assert_eq!(Kind::parse("event"), Kind::Other("event".into()));
    /// ```
    pub fn parse(word: &str) -> Kind {
        let lower = word.trim().to_lowercase();
        match lower.as_str() {
            "person" => Kind::Person,
            "organization" | "organisation" | "org" => Kind::Organization,
            "place" | "location" => Kind::Place,
            _ => Kind::Other(lower),
        }
    }

    /// The kind's name as written in a gazetteer file.
    pub fn as_str(&self) -> &str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Other(s) => s,
        }
    }
}

/// How the letter case of an alias must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseRule {
    /// `Sensitive` for an alias without lower-case letters (acronyms), `Title` otherwise.
    #[default]
    Auto,
    /// Exactly as written.
    Sensitive,
    /// In any letter case.
    Insensitive,
    /// As written, with word-initial letters capitalised, or in all capitals.
    Title,
}

impl CaseRule {
    /// The rule named in a gazetteer option (`auto`, `sensitive`, `insensitive`, `title`).
    pub fn parse(word: &str) -> Option<CaseRule> {
        Some(match word {
            "auto" => CaseRule::Auto,
            "sensitive" => CaseRule::Sensitive,
            "insensitive" => CaseRule::Insensitive,
            "title" => CaseRule::Title,
            _ => return None,
        })
    }

    /// The rule's name as written in a gazetteer option.
    pub fn as_str(&self) -> &'static str {
        match self {
            CaseRule::Auto => "auto",
            CaseRule::Sensitive => "sensitive",
            CaseRule::Insensitive => "insensitive",
            CaseRule::Title => "title",
        }
    }
}

/// One entry of a gazetteer: an entity with its names and matching options.
///
/// Build one with [`Entity::new`] and the chained setters:
///
/// ```
/// use dateline::gazetteer::{CaseRule, Entity, Kind};
/// let e = Entity::new("us", Kind::Place, "United States")
///     .aliases(["U.S.", "US", "America"])
///     .alias_case("America", CaseRule::Sensitive);
/// assert_eq!(e.aliases.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Unique id.
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// Canonical name (also matched).
    pub name: String,
    /// Other names it is matched by.
    pub aliases: Vec<String>,
    /// Case rule for the name and every alias without its own.
    pub case: CaseRule,
    /// Per-alias case rules (the alias or name text, its rule), overriding [`Entity::case`].
    pub alias_case: Vec<(String, CaseRule)>,
    /// Whether surname-only mentions link after a full mention; `None` means: only for people.
    pub partial: Option<bool>,
    /// Priority among entities sharing an alias (higher wins; default 0, built-in -1).
    pub priority: i32,
    /// Ids of entities whose presence supports this one when an alias is ambiguous.
    pub context: Vec<String>,
}

impl Entity {
    /// An entity with no aliases and default options.
    pub fn new(id: impl Into<String>, kind: Kind, name: impl Into<String>) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            case: CaseRule::Auto,
            alias_case: Vec::new(),
            partial: None,
            priority: 0,
            context: Vec::new(),
        }
    }

    /// Add an alias.
    pub fn alias(mut self, alias: impl Into<String>) -> Entity {
        self.aliases.push(alias.into());
        self
    }

    /// Add aliases.
    pub fn aliases<I: IntoIterator<Item = S>, S: Into<String>>(mut self, aliases: I) -> Entity {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Set the case rule of the name and every alias without its own.
    pub fn case(mut self, rule: CaseRule) -> Entity {
        self.case = rule;
        self
    }

    /// Set the case rule of one alias (or of the name).
    pub fn alias_case(mut self, alias: impl Into<String>, rule: CaseRule) -> Entity {
        self.alias_case.push((alias.into(), rule));
        self
    }

    /// Enable or disable surname-only linking after a full mention.
    pub fn partial(mut self, yes: bool) -> Entity {
        self.partial = Some(yes);
        self
    }

    /// Set the priority among entities sharing an alias.
    pub fn priority(mut self, priority: i32) -> Entity {
        self.priority = priority;
        self
    }

    /// Add an entity id whose presence supports this one in ambiguity.
    pub fn context(mut self, id: impl Into<String>) -> Entity {
        self.context.push(id.into());
        self
    }

    /// The case rule that applies to `text` (the name or an alias).
    pub fn case_of(&self, text: &str) -> CaseRule {
        self.alias_case.iter().rev().find(|(a, _)| a == text).map_or(self.case, |(_, r)| *r)
    }

    /// Whether surname-only mentions link to this entity.
    pub fn links_partially(&self) -> bool {
        self.partial.unwrap_or(self.kind == Kind::Person)
    }

    /// The name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// One mention of a gazetteer entity in a document body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity's id.
    pub entity: String,
    /// The entity's kind.
    pub kind: Kind,
    /// The matched text as it stands in the body.
    pub text: String,
    /// Byte span into the document body.
    pub span: Span,
    /// Index of the sentence (in the section analysed) the mention is in.
    pub sentence: usize,
}

/// A mention as the matcher resolved it, borrowing its entity from the
/// [`Gazetteer`]: [`Gazetteer::find_into`] returns these without allocating
/// per mention. [`Match::to_mention`] gives the owned [`Mention`] that
/// [`Gazetteer::mentions`] returns for the same match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'g> {
    /// The chosen entity.
    pub entity: &'g Entity,
    /// Index of the entity in [`Gazetteer::entities`].
    pub index: usize,
    /// Byte span into the document body.
    pub span: Span,
    /// Index of the sentence (in the section analysed) the mention is in.
    pub sentence: usize,
    /// How the text was linked to the entity.
    pub link: Link,
}

impl Match<'_> {
    /// The matched text in `body` (the body the match was found in).
    pub fn text<'b>(&self, body: &'b str) -> &'b str {
        self.span.slice(body)
    }

    /// The owned mention (copies the entity id and the text).
    pub fn to_mention(&self, body: &str) -> Mention {
        Mention {
            entity: self.entity.id.clone(),
            kind: self.entity.kind.clone(),
            text: self.text(body).to_string(),
            span: self.span,
            sentence: self.sentence,
        }
    }
}

/// How a mention was linked to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Link {
    /// The text is the entity's name.
    Name,
    /// The text is one of the entity's listed aliases.
    Alias,
    /// The text is the surname of a person fully mentioned earlier in the section.
    Partial,
}

/// Which rule chose the entity of an ambiguous mention (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Resolution {
    /// The candidate with the higher `priority`.
    Priority,
    /// The candidate with more support from other mentions in the section.
    Context,
    /// A place after a locative preposition ("in Washington").
    Locative,
    /// The candidate whose kind comes first in the kind preference.
    KindPreference,
    /// The candidate listed first in the gazetteer.
    Order,
    /// For a surname link: the most recently fully mentioned person.
    Recency,
}

/// A mention with how it was found: the link, and for an ambiguous text all candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// The mention, with the chosen entity.
    pub mention: Mention,
    /// How the text was linked to the entity.
    pub link: Link,
    /// For an ambiguous text, every entity id it matched, the chosen one first; empty otherwise.
    pub candidates: Vec<String>,
    /// For an ambiguous mention, the rule that chose the entity.
    pub resolution: Option<Resolution>,
}

impl Found {
    /// Whether the text matched more than one entity.
    pub fn is_ambiguous(&self) -> bool {
        !self.candidates.is_empty()
    }
}

/// One entity's presence in a section: how often and where first (its name
/// and aliases are in [`Gazetteer::entity`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    /// The entity's id.
    pub entity: String,
    /// The entity's kind.
    pub kind: Kind,
    /// Number of mentions.
    pub count: usize,
    /// Span of the first mention.
    pub first: Span,
    /// Sentence index of the first mention.
    pub first_sentence: usize,
}

/// Everything the gazetteer found in one section: mentions in body order and
/// the entities by first appearance.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entities {
    /// Mentions in body order, with how each was linked.
    pub found: Vec<Found>,
    /// Entities mentioned, ordered by first mention.
    pub entities: Vec<EntityCount>,
}

impl Entities {
    /// The plain mentions, in body order.
    pub fn mentions(&self) -> Vec<Mention> {
        self.found.iter().map(|f| f.mention.clone()).collect()
    }

    /// The count for one entity, if it was mentioned.
    pub fn entity(&self, id: &str) -> Option<&EntityCount> {
        self.entities.iter().find(|e| e.entity == id)
    }
}

/// A built gazetteer: entities with their aliases, ready to match.
///
/// ```
/// use dateline::gazetteer::Gazetteer;
/// let g = Gazetteer::from_tsv("yuri-ushakov\tperson\tYuri Ushakov\tYury Ushakov\nru\tplace\tRussia\t")?;
/// let body = "Yuri Ushakov spoke on Russia\u{2019}s behalf. Ushakov said so.";
/// let s = dateline::text::analyze(body, None);
/// let texts: Vec<_> = g.mentions(body, &s.main).into_iter().map(|m| (m.entity, m.text)).collect();
/// assert_eq!(texts, [
///     ("yuri-ushakov".to_string(), "Yuri Ushakov".to_string()),
///     ("ru".to_string(), "Russia".to_string()),
///     ("yuri-ushakov".to_string(), "Ushakov".to_string()),
/// ]);
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    matcher: Matcher,
}

impl PartialEq for Gazetteer {
    /// Two gazetteers are equal when they hold the same entities in the same order
    /// with the same kind preference (and so match identically).
    fn eq(&self, other: &Gazetteer) -> bool {
        self.entities == other.entities && self.matcher.kind_preference() == other.matcher.kind_preference()
    }
}

impl Gazetteer {
    /// An empty gazetteer (finds nothing).
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// A builder to combine TSV files, entities made in code and the built-in list.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Parse a gazetteer in the TSV format (see the module docs).
    pub fn from_tsv(text: &str) -> crate::Result<Gazetteer> {
        Gazetteer::builder().tsv(text).build()
    }

    /// Read and parse a gazetteer TSV file.
    pub fn load(path: impl AsRef<Path>) -> crate::Result<Gazetteer> {
        Gazetteer::builder().load(path).build()
    }

    /// The built-in world gazetteer: every country (common and official
    /// names, demonyms), capitals and major international organisations,
    /// with priority -1. Empty when the `builtin-gazetteer` feature is off.
    pub fn builtin() -> Gazetteer {
        static BUILTIN: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::builder().builtin().build().unwrap_or_default()).clone()
    }

    /// The entities, in the order given.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with id `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.matcher.entity_index(id).and_then(|i| self.entities.get(i))
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Number of distinct patterns in the automaton (folded aliases and their case variants).
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Heap bytes held by the built matcher (automaton and its tables, not the [`Entity`] list).
    pub fn memory_usage(&self) -> usize {
        self.matcher.memory_usage()
    }

    /// Every mention in `section` of `body`, in body order.
    pub fn mentions(&self, body: &str, section: &Section) -> Vec<Mention> {
        self.find(body, section).iter().map(|m| m.to_mention(body)).collect()
    }

    /// The same mentions as [`Gazetteer::mentions`], borrowing entities from
    /// the gazetteer instead of copying ids and texts.
    pub fn find(&self, body: &str, section: &Section) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        self.find_into(body, section, &mut out);
        out
    }

    /// Append the mentions of `section` to `out`, in body order: the fast
    /// path, with no allocation per mention (reuse `out` across documents and
    /// nothing is allocated once buffers have grown).
    ///
    /// ```
    /// use dateline::gazetteer::Gazetteer;
    /// let g = Gazetteer::from_tsv("ru\tplace\tRussia\tRussian Federation")?;
    /// let body = "Russia said so. The Russian Federation agreed.";
    /// let s = dateline::text::analyze(body, None);
    /// let mut found = Vec::new();
    /// g.find_into(body, &s.main, &mut found);
    /// let texts: Vec<_> = found.iter().map(|m| (m.entity.id.as_str(), m.text(body))).collect();
    /// assert_eq!(texts, [("ru", "Russia"), ("ru", "Russian Federation")]);
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn find_into<'g>(&'g self, body: &str, section: &Section, out: &mut Vec<Match<'g>>) {
        link::find_into(self, body, section, out)
    }

    /// Every mention in `section` of `body` with how it was linked, and the
    /// entities with their counts and first positions.
    pub fn analyze(&self, body: &str, section: &Section) -> Entities {
        link::analyze(self, body, section)
    }
}
