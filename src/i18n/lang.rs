//! The console's languages and what each says of itself.

/// A language of the console.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
    So,
}

impl Lang {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::So];

    /// The BCP 47 tag, as used in `<html lang>` and `sessionStorage`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::So => "so",
        }
    }

    /// The language of a BCP 47 tag such as `es-MX` or `so_SO` (by its
    /// primary subtag), if the console speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first language of the browser's preference list that the console
    /// speaks, or English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or_default()
    }

    /// The decimal separator of the language (CLDR): `5,0 GB` in Spanish,
    /// `5.0 GB` in English and Somali.
    pub fn decimal_separator(self) -> char {
        match self {
            Self::Es => ',',
            Self::En | Self::So => '.',
        }
    }

    /// How the language writes a whole number (CLDR): its thousands
    /// separator, and the fewest digits that take one. Spanish leaves four
    /// digits whole, as the RAE and CLDR (minimum grouping digits 2) do:
    /// `1000` but `10.000`; English and Somali: `1,000`, `10,000`.
    pub fn digit_grouping(self) -> (char, usize) {
        match self {
            Self::Es => ('.', 5),
            Self::En | Self::So => (',', 4),
        }
    }
}
