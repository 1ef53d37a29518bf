//! The gazetteer builder: entities from code, TSV text and files, another
//! gazetteer and the built-in list, validated and compiled into one matcher.

use std::path::Path;

use super::matcher::Matcher;
use super::{builtin, load, Entity, Gazetteer, Kind};

/// Builds a [`Gazetteer`] from TSV text, files, entities and the built-in list.
///
/// Entities keep the order they were added in. Ids must be unique, except
/// that an entity replaces a built-in one with the same id (so a user file
/// can refine `us` or `ru`).
///
/// ```
/// use dateline::gazetteer::{Entity, Gazetteer, Kind};
/// let g = Gazetteer::builder()
///     .entity(Entity::new("tass", Kind::Organization, "TASS"))
///     .tsv("ru\tplace\tRussia\tRussian Federation")?
///     .build()?;
/// assert_eq!(g.len(), 2);
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    /// Entities with the line they came from (0 for code) and whether they are built-in.
    entries: Vec<(Entity, u64, bool)>,
    kind_preference: Option<Vec<Kind>>,
}

impl GazetteerBuilder {
    /// Add one entity.
    pub fn entity(mut self, entity: Entity) -> GazetteerBuilder {
        self.entries.push((entity, 0, false));
        self
    }

    /// Add entities.
    pub fn entities(mut self, entities: impl IntoIterator<Item = Entity>) -> GazetteerBuilder {
        self.entries.extend(entities.into_iter().map(|e| (e, 0, false)));
        self
    }

    /// Add the entities of TSV text (see the module docs for the format).
    pub fn tsv(mut self, text: &str) -> crate::Result<GazetteerBuilder> {
        let parsed = load::parse(text)?;
        self.entries.extend(parsed.into_iter().map(|(e, line)| (e, line, false)));
        Ok(self)
    }

    /// Add the entities of a TSV file.
    pub fn load(self, path: impl AsRef<Path>) -> crate::Result<GazetteerBuilder> {
        let text = std::fs::read_to_string(path)?;
        self.tsv(&text)
    }

    /// Add every entity of an already built gazetteer.
    pub fn gazetteer(mut self, gazetteer: &Gazetteer) -> GazetteerBuilder {
        self.entries.extend(gazetteer.entities.iter().cloned().map(|e| (e, 0, false)));
        self
    }

    /// Add the built-in world list (countries, capitals, organisations; see
    /// [`Gazetteer::builtin`]). Entities added with the same id replace the
    /// built-in ones. Adds nothing when the `builtin-gazetteer` feature is off.
    pub fn builtin(mut self) -> GazetteerBuilder {
        self.entries.extend(builtin::entities().into_iter().map(|e| (e, 0, true)));
        self
    }

    /// The order of kinds used to resolve an ambiguous alias when priority
    /// and context do not decide (default: organization, person, place;
    /// kinds not listed come after, in their own order).
    pub fn kind_preference(mut self, kinds: impl IntoIterator<Item = Kind>) -> GazetteerBuilder {
        self.kind_preference = Some(kinds.into_iter().collect());
        self
    }

    /// Validate and build the matcher.
    pub fn build(self) -> crate::Result<Gazetteer> {
        let mut seen: std::collections::HashMap<String, (usize, u64, bool)> = std::collections::HashMap::new();
        let mut entities: Vec<Option<Entity>> = Vec::with_capacity(self.entries.len());
        for (entity, line, is_builtin) in self.entries {
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
