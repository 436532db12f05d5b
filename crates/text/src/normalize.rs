//! The normalizer: the form of a word that dictionaries are matched against.
//!
//! News text writes the same word many ways: `Navalny’s` and `Navalny's`, `Özal` and
//! `Ozal`, `Kyiv` in headlines as `KYIV`. Dictionary entries and text tokens both pass
//! through [`normalize`] so that these meet: lower case, straight apostrophes and quotes,
//! hyphen-like dashes as `-`, and letters stripped of their accents.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the normalized form of `s` to `out`.
///
/// ```
/// let mut s = String::new();
/// attache_text::normalize::normalize_into("Navalny’s Özal – “Kyiv”", &mut s);
/// assert_eq!(s, "navalny's ozal - \"kyiv\"");
/// ```
pub fn normalize_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
                out.push('\'')
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{00A0}' | '\u{2009}' | '\u{202F}' => out.push(' '),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => {
                for d in std::iter::once(c).nfd() {
                    if !is_combining_mark(d) {
                        out.extend(d.to_lowercase());
                    }
                }
            }
        }
    }
}

/// The normalized form of `s` as a new string.
///
/// ```
/// assert_eq!(attache_text::normalize::normalize("Les Échos"), "les echos");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(normalize("São Tomé"), "sao tome");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("U.S."), "u.s.");
        assert_eq!(normalize("‘tit-for-tat’"), "'tit-for-tat'");
    }
}
