//! The eight report languages of the SKINN AI contract (`language=en|tr|ar|fr|de|es|it|el`).

/// A report language. The SKINN AI API accepts exactly these codes; the default is English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the SKINN AI default.
    #[default]
    En,
    Tr,
    Ar,
    Fr,
    De,
    Es,
    It,
    El,
}

impl Language {
    /// Every supported language, in the order the SKINN AI document lists them.
    pub const ALL: [Language; 8] = [
        Language::En,
        Language::Tr,
        Language::Ar,
        Language::Fr,
        Language::De,
        Language::Es,
        Language::It,
        Language::El,
    ];

    /// Parses a language code, case-insensitively, ignoring surrounding whitespace.
    /// Only the bare two-letter codes of the contract are accepted ("en", "TR"), not regional
    /// tags ("en-GB"): the caller decides whether to fall back to English or reject.
    pub fn parse(code: &str) -> Option<Language> {
        let code = code.trim();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The lower-case ISO 639-1 code, as used in the API and in the HTML `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Tr => "tr",
            Language::Ar => "ar",
            Language::Fr => "fr",
            Language::De => "de",
            Language::Es => "es",
            Language::It => "it",
            Language::El => "el",
        }
    }

    /// True for right-to-left scripts (Arabic only, among the eight).
    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }

    /// Position in [`Language::ALL`]; used to index per-language tables.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_every_code_in_any_case_and_rejects_others() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
            assert_eq!(Language::parse(&l.code().to_uppercase()), Some(l));
        }
        assert_eq!(Language::parse(" Ar "), Some(Language::Ar));
        assert_eq!(Language::parse("en-GB"), None);
        assert_eq!(Language::parse("pt"), None);
        assert_eq!(Language::parse(""), None);
    }

    #[test]
    fn only_arabic_is_rtl_and_indices_match_all() {
        for (i, l) in Language::ALL.into_iter().enumerate() {
            assert_eq!(l.is_rtl(), l == Language::Ar);
            assert_eq!(l.index(), i);
        }
    }
}
