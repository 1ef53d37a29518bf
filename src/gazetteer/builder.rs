//! The gazetteer builder: entities from code, TSV text and files, another
//! gazetteer and the built-in list, validated and compiled into one matcher.

use std::path::{Path, PathBuf};

use super::matcher::Matcher;
use super::{builtin, load, Entity, Gazetteer, Kind};

/// Builds a [`Gazetteer`] from TSV text, files, entities and the built-in list.
///
/// Entities keep the order they were added in. Ids must be unique, except
/// that an entity replaces a built-in one with the same id (so a user file
/// can refine `us` or `ru`).
///
/// The setters take and return the builder by value, because it moves the
/// entities it collects into the gazetteer it builds (the crate's builder
/// convention: see [the crate docs](crate#configuration)). Nothing fails
/// before [`build`](GazetteerBuilder::build): TSV text is parsed and files are
/// read there, and the first error is returned.
///
/// ```
/// use dateline::gazetteer::{Entity, Gazetteer, Kind};
/// let g = Gazetteer::builder()
///     .entity(Entity::new("tass", Kind::Organization, "TASS"))
///     .tsv("ru\tplace\tRussia\tRussian Federation")
///     .build()?;
/// assert_eq!(g.len(), 2);
///
/// let err = Gazetteer::builder().tsv("ru\tplace").build().unwrap_err();
/// assert!(err.to_string().starts_with("gazetteer line 1, column 3:"));
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    sources: Vec<Source>,
    kind_preference: Option<Vec<Kind>>,
}

/// Where entities come from, in the order added; TSV and files are read in `build`.
#[derive(Debug, Clone)]
enum Source {
    Entity(Entity),
    Tsv(String),
    File(PathBuf),
    Builtin,
}

impl GazetteerBuilder {
    /// Add one entity.
    pub fn entity(mut self, entity: Entity) -> GazetteerBuilder {
        self.sources.push(Source::Entity(entity));
        self
    }

    /// Add entities.
    pub fn entities(mut self, entities: impl IntoIterator<Item = Entity>) -> GazetteerBuilder {
        self.sources.extend(entities.into_iter().map(Source::Entity));
        self
    }

    /// Add the entities of TSV text (see the module docs for the format),
    /// parsed by [`build`](GazetteerBuilder::build).
    pub fn tsv(mut self, text: impl Into<String>) -> GazetteerBuilder {
        self.sources.push(Source::Tsv(text.into()));
        self
    }

    /// Add the entities of a TSV file, read and parsed by
    /// [`build`](GazetteerBuilder::build) (an error there names the file).
    pub fn load(mut self, path: impl AsRef<Path>) -> GazetteerBuilder {
        self.sources.push(Source::File(path.as_ref().to_path_buf()));
        self
    }

    /// Add every entity of an already built gazetteer.
    pub fn gazetteer(mut self, gazetteer: &Gazetteer) -> GazetteerBuilder {
        self.sources.extend(gazetteer.entities.iter().cloned().map(Source::Entity));
        self
    }

    /// Add the built-in world list (countries, capitals, organisations; see
    /// [`Gazetteer::builtin`]). Entities added with the same id replace the
    /// built-in ones. Adds nothing when the `builtin-gazetteer` feature is off.
    pub fn builtin(mut self) -> GazetteerBuilder {
        self.sources.push(Source::Builtin);
        self
    }

    /// The order of kinds used to resolve an ambiguous alias when priority
    /// and context do not decide (default: organization, person, place;
    /// kinds not listed come after, in their own order).
    pub fn kind_preference(mut self, kinds: impl IntoIterator<Item = Kind>) -> GazetteerBuilder {
        self.kind_preference = Some(kinds.into_iter().collect());
        self
    }

    /// Read and parse the TSV inputs, validate every entity and build the
    /// matcher. Errors: [`Error::Io`](crate::Error::Io) for a file that cannot
    /// be read, [`Error::Gazetteer`](crate::Error::Gazetteer) for malformed
    /// TSV, an invalid entity or a duplicate id, and
    /// [`Error::Config`](crate::Error::Config) if the automaton cannot be built.
    pub fn build(self) -> crate::Result<Gazetteer> {
        // Entities with the line they came from (0 for code) and whether they are built-in.
        let mut entries: Vec<(Entity, u64, bool)> = Vec::new();
        for source in self.sources {
            match source {
                Source::Entity(e) => entries.push((e, 0, false)),
                Source::Tsv(text) => entries.extend(load::parse(&text)?.into_iter().map(|(e, line)| (e, line, false))),
                Source::File(path) => {
                    let text = std::fs::read_to_string(&path)?;
                    let parsed = load::parse(&text).map_err(|e| in_file(e, &path))?;
                    entries.extend(parsed.into_iter().map(|(e, line)| (e, line, false)));
                }
                Source::Builtin => entries.extend(builtin::entities().into_iter().map(|e| (e, 0, true))),
            }
        }
        let mut seen: std::collections::HashMap<String, (usize, u64, bool)> = std::collections::HashMap::new();
        let mut entities: Vec<Option<Entity>> = Vec::with_capacity(entries.len());
        for (entity, line, is_builtin) in entries {
            load::validate(&entity).map_err(|(column, message)| crate::Error::Gazetteer { line, column, message })?;
            match seen.get(&entity.id).copied() {
                Some((at, _, true)) if !is_builtin => {
                    // A user entity replaces the built-in one with the same id, in its place.
                    seen.insert(entity.id.clone(), (at, line, false));
                    entities[at] = Some(entity);
                }
                Some((_, _, false)) if is_builtin => {}
                Some((_, first, _)) => {
                    let at = if first > 0 { format!(" (first defined on line {first})") } else { String::new() };
                    return Err(crate::Error::Gazetteer {
                        line,
                        column: 1,
                        message: format!("duplicate id {:?}{at}; expected every id to be unique", entity.id),
                    });
                }
                None => {
                    seen.insert(entity.id.clone(), (entities.len(), line, is_builtin));
                    entities.push(Some(entity));
                }
            }
        }
        let entities: Vec<Entity> = entities.into_iter().flatten().collect();
        let preference = self.kind_preference.unwrap_or_else(|| vec![Kind::Organization, Kind::Person, Kind::Place]);
        let matcher = Matcher::build(&entities, preference)?;
        Ok(Gazetteer { entities, matcher })
    }
}

/// A TSV error of a file, with the file named in its message.
fn in_file(err: crate::Error, path: &Path) -> crate::Error {
    match err {
        crate::Error::Gazetteer { line, column, message } => {
            crate::Error::Gazetteer { line, column, message: format!("{message} (in {})", path.display()) }
        }
        other => other,
    }
}
