//! Values: what a recognised expression says ([`Meaning`], a [`Partial`]
//! date, a [`Shift`]) before [`crate::time`]'s resolution turns it into a date.

use crate::time::lexicon::Unit;

/// A date as the text gives it: any of year, month, day may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Partial {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// "last November" / "next April" / "this September".
    pub shift: Shift,
    /// "June last year" (-1), "April next year" (1), "October this year" (0): the year
    /// relative to the reference's.
    pub year_offset: Option<i32>,
    /// For holidays such as Thanksgiving: the date is the first such weekday
    /// (1 = Monday) on or after `month`-`day`.
    pub weekday_from: Option<u8>,
}

/// A modifier that picks which occurrence of a month or weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Shift {
    /// No modifier: the clause's tense decides.
    #[default]
    None,
    /// "last", "previous": strictly before the reference.
    Last,
    /// "next", "coming": strictly after the reference.
    Next,
    /// "this": in the reference's week or year.
    This,
}

/// What a recognised expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// A (possibly partial) calendar date: "April 10, 2025", "Feb. 27", "February 2025", "in May", "2022".
    Date(Partial),
    /// A range between two calendar dates: "between 2016 and 2018", "from February to April".
    Range(Partial, Partial),
    /// A weekday (1 = Monday), with its modifier.
    Weekday(u8, Shift),
    /// today (0), yesterday (-1), tomorrow (1) and parts of day: a day offset from the reference.
    DayOffset(i32, DayRule),
    /// this/last/next week, month, year: the unit and its offset from the reference's.
    Calendar(Unit, i32),
    /// "three days ago": how many units back (`None`: "a few", "several").
    Ago(Option<u32>, Unit),
}

/// How a day offset was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRule {
    /// today, yesterday, tomorrow.
    Deictic,
    /// overnight, tonight, this morning, last night.
    PartOfDay,
}

/// A recognised expression: token range `first..last` (exclusive) and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub first: usize,
    pub last: usize,
    pub meaning: Meaning,
}
