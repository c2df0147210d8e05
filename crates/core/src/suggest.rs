//! "Did you mean …?" suggestions by edit distance.

/// The candidate closest to `input`, if it is close enough to be a likely typo: same letters in
/// another case, or a Damerau–Levenshtein distance of at most a third of the length (at least 1,
/// at most 3).
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    closest(input, candidates).map(|(candidate, _)| candidate)
}

/// [`did_you_mean`]'s candidate, and whether another candidate is as close.
fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, bool)> {
    let lower = input.to_ascii_lowercase();
    let length = input.chars().count();
    let limit = (length / 3).clamp(1, 3);
    // Separators are often confused: `pre-build` for `pre_build`.
    let norm = |s: &str| s.replace(['-', '_', ' '], "");
    let input_norm = norm(&lower);
    let mut best: Option<(usize, &'a str, bool)> = None;
    for candidate in candidates {
        if candidate == input {
            continue;
        }
        let c_lower = candidate.to_ascii_lowercase();
        let distance = if c_lower == lower || norm(&c_lower) == input_norm {
            0
        } else if candidate.chars().count().abs_diff(length) > limit {
            // The distance is at least the difference in length: no need to compute it (a
            // megabyte-long key against each candidate took seconds).
            continue;
        } else {
            strsim::damerau_levenshtein(&lower, &c_lower)
        };
        if distance > limit {
            continue;
        }
        match &mut best {
            Some((d, _, tied)) if distance == *d => *tied = true,
            Some((d, _, _)) if distance > *d => {}
            _ => best = Some((distance, candidate, false)),
        }
    }
    best.map(|(_, c, tied)| (c, tied))
}

/// The one candidate that `input` is the start or the end of (ignoring case and separators), such
/// as `JUNITXML` for `JUNIT`: a value written without its suffix or prefix, which edit distance
/// misses. `None` when several candidates complete it (`NUNIT` → `NUNITXML` or `NUNIT3XML`), or
/// when `input` is shorter than 3 characters.
pub fn completion<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let norm = |s: &str| s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    let short = norm(input);
    if short.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for candidate in candidates {
        let long = norm(candidate);
        if long != short && (long.starts_with(&short) || long.ends_with(&short)) {
            if found.is_some() {
                return None;
            }
            found = Some(candidate);
        }
    }
    found
}

/// [`did_you_mean`], else the one [`completion`]: for closed sets of values (formats, modes),
/// where a value missing its suffix is as likely as a typo.
pub fn did_you_mean_value<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    match closest(input, candidates.clone()) {
        // Two values as close (`https`: `http` or `http2`): the choice is the user's.
        Some((_, true)) => None,
        Some((candidate, false)) => Some(candidate),
        None => completion(input, candidates),
    }
}

#[cfg(test)]
mod tests {
    use super::{completion, did_you_mean, did_you_mean_value};

    #[test]
    fn a_value_as_close_to_two_others_suggests_neither() {
        let protocols = ["http", "http2", "grpc"];
        assert_eq!(did_you_mean_value("https", protocols), None);
        assert_eq!(did_you_mean_value("HTTP/2", protocols), Some("http2"));
        assert_eq!(did_you_mean_value("gprc", protocols), Some("grpc"));
    }

    #[test]
    fn completes_a_value_missing_its_suffix_or_prefix() {
        let formats = [
            "JUNITXML",
            "NUNITXML",
            "NUNIT3XML",
            "CUCUMBERJSON",
            "VISUALSTUDIOTRX",
        ];
        assert_eq!(did_you_mean_value("JUNIT", formats), Some("JUNITXML"));
        assert_eq!(did_you_mean_value("junit", formats), Some("JUNITXML"));
        assert_eq!(completion("CUCUMBER", formats), Some("CUCUMBERJSON"));
        assert_eq!(completion("TRX", formats), Some("VISUALSTUDIOTRX"));
        // Two completions: not certain.
        assert_eq!(completion("NUNIT", formats), None);
        assert_eq!(completion("XML", formats), None);
        assert_eq!(completion("JU", formats), None);
    }

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
