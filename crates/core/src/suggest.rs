//! "Did you mean …?" suggestions by edit distance.

/// The candidate closest to `input`, if it is close enough to be a likely typo: same letters in
/// another case, or a Damerau–Levenshtein distance of at most a third of the length (at least 1,
/// at most 3).
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = input.to_ascii_lowercase();
    let limit = (input.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let c_lower = candidate.to_ascii_lowercase();
        let distance = if c_lower == lower {
            0
        } else {
            // Separators are often confused: `pre-build` for `pre_build`.
            let norm = |s: &str| s.replace(['-', '_', ' '], "");
            if norm(&c_lower) == norm(&lower) {
                0
            } else {
                strsim::damerau_levenshtein(&lower, &c_lower)
            }
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names() {
        let keys = ["commands", "finally", "run-as", "on-failure"];
        assert_eq!(did_you_mean("comands", keys), Some("commands"));
        assert_eq!(did_you_mean("Commands", keys), Some("commands"));
        assert_eq!(did_you_mean("on_failure", keys), Some("on-failure"));
        assert_eq!(did_you_mean("steps", keys), None);
        assert_eq!(did_you_mean("x", keys), None);
    }
}
