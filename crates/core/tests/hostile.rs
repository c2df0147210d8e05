//! Hostile input through the core, for every kind: each ends in a clear diagnostic (a code, a
//! message, a span inside the text on character boundaries), never a panic; CRLF and BOM files
//! are read like their plain versions. Time and memory: `cargo bench -p cicd-core --bench
//! hostile`.

#[path = "common/hostile.rs"]
mod hostile;

use cicd_core::kinds::Formats;
use cicd_core::{Kind, Options};

fn checked_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.iter().copied().filter(|k| k.is_supported())
}

#[test]
fn every_hostile_input_gets_a_clear_diagnostic_for_every_kind() {
    let options = Options::default();
    for (name, bytes) in hostile::inputs() {
        for kind in checked_kinds() {
            let (text, diags) =
                cicd_core::check_bytes(kind, &bytes, &options).expect("a checked kind");
            assert!(!diags.is_empty(), "{name} as {}: no finding", kind.id());
            for d in &diags {
                assert!(!d.message.is_empty(), "{name} as {}: {}", kind.id(), d.code);
                assert!(
                    d.span.end() <= text.len()
                        && text.is_char_boundary(d.span.start())
                        && text.is_char_boundary(d.span.end()),
                    "{name} as {}: {} at {:?}",
                    kind.id(),
                    d.code,
                    d.span
                );
            }
        }
    }
}

/// The findings that name what is wrong with each input, whatever the kind.
#[test]
fn each_hostile_input_is_named_by_its_cause() {
    let options = Options::default();
    let expect: &[(&str, &[&str])] = &[
        ("alias-bomb", &["SRC006"]),
        ("deep-yaml-sequences", &["SRC005"]),
        ("deep-yaml-mappings", &["SRC005"]),
        ("20-mb", &["SRC007"]),
        ("invalid-utf8", &["SRC004"]),
    ];
    let inputs = hostile::inputs();
    for (name, codes) in expect {
        let bytes = &inputs.iter().find(|(n, _)| n == name).expect("an input").1;
        // The JSON-only kinds read no YAML.
        for kind in checked_kinds().filter(|k| k.info().formats != Formats::Json) {
            let (_, diags) = cicd_core::check_bytes(kind, bytes, &options).expect("checked");
            for code in *codes {
                assert!(
                    diags.iter().any(|d| d.code == *code),
                    "{name} as {}: no {code} in {:?}",
                    kind.id(),
                    diags.iter().map(|d| d.code).collect::<Vec<_>>()
                );
            }
        }
    }
    // JSON nesting and JSON control characters, as a trust policy (JSON only).
    for (name, code) in [
        ("deep-json", "SRC005"),
        ("json-control-characters", "SRC012"),
        ("20-mb", "SRC007"),
    ] {
        let bytes = &inputs.iter().find(|(n, _)| *n == name).expect("an input").1;
        let (_, diags) = cicd_core::check_bytes(Kind::TrustPolicy, bytes, &options).unwrap();
        assert!(diags.iter().any(|d| d.code == code), "{name}: {diags:#?}");
    }
    // A NUL byte and other control characters in YAML are named as such (SRC001), not as tabs.
    for name in ["nul", "control-characters"] {
        let bytes = &inputs.iter().find(|(n, _)| *n == name).expect("an input").1;
        let (_, diags) = cicd_core::check_bytes(Kind::Buildspec, bytes, &options).unwrap();
        assert!(
            diags
                .iter()
                .any(|d| d.code == "SRC001" && d.message.contains("U+00")),
            "{name}: {diags:#?}"
        );
        assert!(!diags.iter().any(|d| d.code == "SRC003"), "{name}");
    }
}

/// A file with Windows line ends, or a byte order mark, gets the findings of its plain version.
#[test]
fn crlf_and_bom_files_read_like_plain_ones() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let options = Options::default();
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).expect("examples").flatten() {
        let path = entry.path();
        let Some(kind) = Kind::from_file_name(&path.to_string_lossy()).filter(|k| k.is_supported())
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("an example");
        let codes = |t: &[u8]| -> Vec<&'static str> {
            let (_, d) = cicd_core::check_bytes(kind, t, &options).expect("checked");
            let mut c: Vec<_> = d.iter().map(|d| d.code).collect();
            c.sort_unstable();
            c
        };
        let plain = codes(text.as_bytes());
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            codes(crlf.as_bytes()),
            plain,
            "{} with CRLF",
            path.display()
        );
        let bom = format!("\u{feff}{text}");
        assert_eq!(
            codes(bom.as_bytes()),
            plain,
            "{} with a BOM",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 7, "{seen} examples");
}

/// Each hostile input in the place of each file of a blue/green release (buildspec, pipeline,
/// AppSpec, task definition), the others intact: relating the files never panics, and every
/// place a related finding points at lies inside its file, on character boundaries. A files
/// pattern of 1,300 `**` (the longest judged) is matched in time linear in its length.
#[test]
fn hostile_files_relate_without_panic_and_with_places_inside_their_files() {
    let read = |p: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../examples/broken")
                .join(p),
        )
        .expect("example")
    };
    let release = [
        ("buildspec.yml", read("ecs-release-buildspec.yml")),
        ("pipeline.json", read("ecs-release-pipeline.json")),
        ("ecs/appspec.yaml", read("ecs-release-appspec.yaml")),
        ("ecs/taskdef.json", read("ecs-release-taskdef.json")),
    ];
    let globs = read("ecs-release-buildspec.yml").replace(
        "    - imageDetail.json\n",
        &format!("    - '{}x/*.json'\n", "**/".repeat(1_300)),
    );
    let mut inputs: Vec<(&str, Vec<u8>)> = hostile::inputs();
    inputs.push(("many-globstars", globs.into_bytes()));
    let options = Options::default();
    for (name, bytes) in &inputs {
        for replaced in 0..release.len() {
            let texts: Vec<(String, String)> = release
                .iter()
                .enumerate()
                .map(|(i, (file, text))| {
                    let text = if i == replaced {
                        String::from_utf8_lossy(bytes).into_owned()
                    } else {
                        text.clone()
                    };
                    ((*file).to_string(), text)
                })
                .collect();
            let analyses: Vec<(String, String, cicd_core::Analysis)> = texts
                .into_iter()
                .filter_map(|(file, text)| {
                    let kind = Kind::from_file_name(&file)?;
                    let a = cicd_core::analyze(kind, &text, &options).ok()?;
                    Some((file, text, a))
                })
                .collect();
            let members: Vec<cicd_core::related::WorkspaceFile<'_>> = analyses
                .iter()
                .map(|(file, _, analysis)| cicd_core::related::WorkspaceFile {
                    name: file,
                    analysis,
                })
                .collect();
            let inside = |file: usize, span: cicd_core::Span| {
                analyses.get(file).is_some_and(|(_, text, _)| {
                    span.end() <= text.len()
                        && text.is_char_boundary(span.start())
                        && text.is_char_boundary(span.end())
                })
            };
            for r in cicd_core::related::relate(&members) {
                let d = &r.diagnostic;
                let at = format!("{name} as {}: {}", release[replaced].0, d.code);
                assert!(inside(r.file, d.span), "{at} at {:?}", d.span);
                assert!(d.labels.iter().all(|l| inside(r.file, l.span)), "{at}");
                assert!(r.elsewhere.iter().all(|l| inside(l.file, l.span)), "{at}");
            }
        }
    }
}
