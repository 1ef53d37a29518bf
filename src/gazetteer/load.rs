//! The TSV gazetteer format: parsing with positioned errors, and the
//! validation shared with entities built in code.

use std::collections::HashMap;

use super::{CaseRule, Entity, Kind};
use crate::Error;

const FORMAT: &str = "id<TAB>kind<TAB>name<TAB>aliases";
const OPTIONS: &str = "case=RULE, case[ALIAS]=RULE, partial=yes|no, priority=N or context=ID|ID";

fn err(line: u64, column: u64, message: String) -> Error {
    Error::Gazetteer { line, column, message }
}

/// Parse TSV text into entities, each with its 1-based line number.
pub(crate) fn parse(text: &str) -> crate::Result<Vec<(Entity, u64)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut first_line: HashMap<&str, u64> = HashMap::new();
    for (n, raw) in text.split('\n').enumerate() {
        let line_no = n as u64 + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("").trim();
        if id.is_empty() {
            return Err(err(line_no, 1, format!("empty id; expected {FORMAT}")));
        }
        let Some(kind) = cols.next() else {
            return Err(err(line_no, 2, format!("missing column 2 (kind); expected {FORMAT} separated by tabs")));
        };
        let kind = kind.trim();
        if kind.is_empty() || kind.contains(char::is_whitespace) {
            return Err(err(
                line_no,
                2,
                format!("kind {kind:?} is not one word; expected person, organization, place or another word"),
            ));
        }
        let Some(name) = cols.next() else {
            return Err(err(line_no, 3, format!("missing column 3 (name); expected {FORMAT} separated by tabs")));
        };
        let mut entity = Entity::new(id, Kind::parse(kind), name.trim());
        if let Some(aliases) = cols.next() {
            if !aliases.trim().is_empty() {
                entity.aliases = aliases.split('|').map(|a| a.trim().to_string()).collect();
            }
        }
        for (i, option) in cols.enumerate() {
            let column = i as u64 + 5;
            apply_option(&mut entity, option.trim()).map_err(|m| err(line_no, column, m))?;
        }
        validate(&entity).map_err(|(column, message)| err(line_no, column, message))?;
        if let Some(first) = first_line.get(id) {
            return Err(err(
                line_no,
                1,
                format!("duplicate id {id:?} (first defined on line {first}); expected every id to be unique"),
            ));
        }
        first_line.insert(id, line_no);
        out.push((entity, line_no));
    }
    Ok(out)
}

/// Apply one `key=value` option column.
fn apply_option(entity: &mut Entity, option: &str) -> Result<(), String> {
    if option.is_empty() {
        return Ok(());
    }
    let Some((key, value)) = option.split_once('=') else {
        return Err(format!("option {option:?} is not key=value; expected {OPTIONS}"));
    };
    let (key, value) = (key.trim(), value.trim());
    let case_rule = |v: &str| {
        CaseRule::parse(v)
            .ok_or_else(|| format!("unknown case rule {v:?}; expected auto, sensitive, insensitive or title"))
    };
    if key == "case" {
        entity.case = case_rule(value)?;
    } else if let Some(alias) = key.strip_prefix("case[").and_then(|k| k.strip_suffix(']')) {
        entity.alias_case.push((alias.trim().to_string(), case_rule(value)?));
    } else if key == "partial" {
        entity.partial = Some(match value {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return Err(format!("partial={value:?}; expected partial=yes or partial=no")),
        });
    } else if key == "priority" {
        entity.priority = value.parse().map_err(|_| format!("priority={value:?}; expected an integer"))?;
    } else if key == "context" {
        entity.context.extend(value.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from));
    } else {
        return Err(format!("unknown option {key:?}; expected {OPTIONS}"));
    }
    Ok(())
}

/// Check one entity; on failure, the TSV column at fault and what was expected.
pub(crate) fn validate(entity: &Entity) -> Result<(), (u64, String)> {
    if entity.id.trim().is_empty() {
        return Err((1, "empty id; expected a non-empty entity id".into()));
    }
    if entity.id.contains(char::is_whitespace) {
        return Err((1, format!("id {:?} contains white space; expected an id without spaces", entity.id)));
    }
    if entity.kind.as_str().is_empty() || entity.kind.as_str().contains(char::is_whitespace) {
        return Err((2, "kind is not one word; expected person, organization, place or another word".into()));
    }
    if entity.name.trim().is_empty() {
        return Err((3, format!("empty name for {:?}; expected the entity's name", entity.id)));
    }
    for (i, alias) in entity.aliases.iter().enumerate() {
        if alias.trim().is_empty() {
            return Err((4, format!("alias {} is empty; expected `|`-separated non-empty aliases", i + 1)));
        }
    }
    for (alias, _) in &entity.alias_case {
        if !entity.names().any(|n| n == alias) {
            return Err((
                5,
                format!("case[{alias}] names no alias of {:?}; expected the name or one of its aliases", entity.id),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_crlf_and_bom_are_skipped() {
        let text = "\u{feff}# people\r\n\r\nyuri-ushakov\tperson\tYuri Ushakov\tUshakov|Yury Ushakov\r\n  # indented comment\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].1, 3);
        assert_eq!(parsed[0].0.aliases, ["Ushakov", "Yury Ushakov"]);
    }

    #[test]
    fn missing_alias_column_means_no_aliases() {
        let parsed = parse("ru\tplace\tRussia").unwrap();
        assert!(parsed[0].0.aliases.is_empty());
    }

    #[test]
    fn options_set_case_partial_priority_and_context() {
        let parsed =
            parse("us\tplace\tUnited States\tAmerica|US\tcase=title\tcase[America]=sensitive\tpartial=no\tpriority=2\tcontext=a|b")
                .unwrap();
        let e = &parsed[0].0;
        assert_eq!(e.case, CaseRule::Title);
        assert_eq!(e.case_of("America"), CaseRule::Sensitive);
        assert_eq!(e.case_of("US"), CaseRule::Title);
        assert_eq!(e.partial, Some(false));
        assert_eq!(e.priority, 2);
        assert_eq!(e.context, ["a", "b"]);
    }
}
