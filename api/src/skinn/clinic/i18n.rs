//! Fluent message bundles for the eight languages, and locale number formatting.
//!
//! One `clinic.ftl` per language is compiled into the binary. Bundles are built once per process
//! (a `OnceLock`) as `concurrent::FluentBundle`s so they can be shared by worker threads.
//! Unicode isolation marks are switched off: the strings end up in JSON for other programs, where
//! invisible FSI/PDI characters would be noise; the HTML report sets `dir` instead.

use super::language::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

macro_rules! ftl {
    ($code:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/locales/",
            $code,
            "/clinic.ftl"
        ))
    };
}

/// FTL sources in [`Language::ALL`] order.
const SOURCES: [&str; 8] = [
    ftl!("en"),
    ftl!("tr"),
    ftl!("ar"),
    ftl!("fr"),
    ftl!("de"),
    ftl!("es"),
    ftl!("it"),
    ftl!("el"),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| Language::ALL.into_iter().map(build).collect())
}

/// Builds one language's bundle. The FTL files are part of the binary and covered by tests, so a
/// syntax error is a programming error: panic with the language and the error.
fn build(lang: Language) -> Bundle {
    let res =
        FluentResource::try_new(SOURCES[lang.index()].to_string()).unwrap_or_else(|(_, e)| {
            panic!("locales/{}/clinic.ftl does not parse: {e:?}", lang.code())
        });
    let locale = lang
        .code()
        .parse()
        .expect("two-letter codes are valid language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter(lang)));
    bundle.add_resource(res).unwrap_or_else(|e| {
        panic!(
            "locales/{}/clinic.ftl has duplicate messages: {e:?}",
            lang.code()
        )
    });
    bundle
}

/// Fluent calls this for every placeable; numbers get the locale's digits and decimal separator,
/// everything else keeps Fluent's default. A fn pointer cannot capture the language, hence one
/// monomorphised function per language index.
fn formatter<M>(lang: Language) -> fn(&FluentValue, &M) -> Option<String> {
    fn f<const L: usize, M>(v: &FluentValue, _: &M) -> Option<String> {
        match v {
            FluentValue::Number(n) => Some(format_number(Language::ALL[L], n.value)),
            _ => None,
        }
    }
    match lang {
        Language::En => f::<0, M>,
        Language::Tr => f::<1, M>,
        Language::Ar => f::<2, M>,
        Language::Fr => f::<3, M>,
        Language::De => f::<4, M>,
        Language::Es => f::<5, M>,
        Language::It => f::<6, M>,
        Language::El => f::<7, M>,
    }
}

/// Formats a number for display: integers without decimals, others with one decimal, using the
/// locale's decimal separator (CLDR: "." for en, "," for tr/fr/de/es/it/el, "٫" for ar) and, for
/// Arabic, Arabic-Indic digits (CLDR's default numbering system for `ar`). No grouping: every
/// number in this report is below 10 000.
pub fn format_number(lang: Language, value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let plain = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    };
    let plain = if plain == "-0" {
        "0".to_string()
    } else {
        plain
    };
    match lang {
        Language::En => plain,
        Language::Ar => plain
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' => '٫',
                '-' => '\u{2212}',
                other => other,
            })
            .collect(),
        _ => plain.replace('.', ","),
    }
}

/// A message argument: a number (formatted per locale, usable in plural selectors) or a word
/// (used as a selector key such as a severity or skin type, or inserted as is).
#[derive(Debug, Clone)]
pub enum Arg {
    Num(f64),
    Str(String),
}

impl From<f64> for Arg {
    fn from(v: f64) -> Self {
        Arg::Num(v)
    }
}
impl From<f32> for Arg {
    fn from(v: f32) -> Self {
        Arg::Num(v as f64)
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Num(v as f64)
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}

/// The message `id` in `lang`, without arguments.
pub fn t(lang: Language, id: &str) -> String {
    ta(lang, id, &[])
}

/// The message `id` in `lang` with named arguments.
///
/// A missing message yields the id itself (visible, never a crash in production); the tests check
/// that every id the code uses exists in every language, and debug builds assert that formatting
/// reported no error (a missing argument or variant).
pub fn ta(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &bundles()[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "missing message {id} in {}", lang.code());
        return id.to_string();
    };
    let mut fargs = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.clone())),
        }
    }
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned();
    debug_assert!(
        errors.is_empty(),
        "message {id} in {}: {errors:?}",
        lang.code()
    );
    text
}

/// Message ids defined in one language's FTL source (for the completeness tests).
#[cfg(test)]
pub fn message_ids(lang: Language) -> std::collections::BTreeSet<String> {
    let res = FluentResource::try_new(SOURCES[lang.index()].to_string()).expect("parses");
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_defines_exactly_the_english_message_ids() {
        let en = message_ids(Language::En);
        assert!(en.len() > 100, "English has {} messages", en.len());
        for lang in Language::ALL {
            let ids = message_ids(lang);
            let missing: Vec<_> = en.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_bundle_builds_and_formats_every_message_without_placeables_left_empty() {
        for lang in Language::ALL {
            let bundle = &bundles()[lang.index()];
            for id in message_ids(lang) {
                let msg = bundle.get_message(&id).expect("listed id exists");
                assert!(msg.value().is_some(), "{}: {id} has no value", lang.code());
            }
        }
    }

    #[test]
    fn numbers_use_the_locale_decimal_separator_and_digits() {
        assert_eq!(format_number(Language::En, 72.0), "72");
        assert_eq!(format_number(Language::En, 3.25), "3.3");
        assert_eq!(format_number(Language::De, 3.25), "3,3");
        assert_eq!(format_number(Language::Tr, 12.0), "12");
        assert_eq!(format_number(Language::Ar, 72.5), "٧٢٫٥");
        assert_eq!(format_number(Language::Fr, -0.01), "0");
    }

    #[test]
    fn arguments_are_formatted_through_the_locale_formatter() {
        let s = ta(
            Language::De,
            "html-skin-age-value",
            &[("age", Arg::Num(34.0))],
        );
        assert!(s.contains("34"), "{s}");
        let s = ta(
            Language::Ar,
            "html-skin-age-value",
            &[("age", Arg::Num(34.0))],
        );
        assert!(s.contains("٣٤"), "{s}");
    }
}
