//! `cicd check --format sarif`: every log validates against the official SARIF 2.1.0 JSON schema
//! (the copy the `serde-sarif` crate ships, found through `cargo metadata`: nothing is downloaded
//! at test time), over the guide's examples, the broken examples, every rule fixture and the
//! corpus; and the regions, related locations, fixes and rule metadata of known findings are
//! exact.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{cicd, root, stderr, stdout};
use serde_json::Value;

/// The SARIF 2.1.0 schema from the `serde-sarif` crate's source (`src/schema.json`).
fn sarif_schema() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif in the dependency graph");
    let path = Path::new(manifest).with_file_name("src/schema.json");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("schema"))
        .expect("schema JSON");
    drop_broken_pattern(&mut schema);
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    );
    schema
}

/// The published schema's `language` pattern (of `run`, `toolComponent` and
/// `translationMetadata`) has a stray `]` (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which is
/// not an ECMA-262 regular expression, so `jsonschema` refuses the schema. That pattern only
/// constrains `language` properties, which `cicd` never writes: it is dropped, nothing else.
fn drop_broken_pattern(value: &mut Value) {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN) {
                map.remove("pattern");
            }
            map.values_mut().for_each(drop_broken_pattern);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_broken_pattern),
        _ => {}
    }
}

struct Sarif {
    validator: jsonschema::Validator,
    validated: usize,
    files: usize,
}

impl Sarif {
    fn new() -> Sarif {
        let validator = jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&sarif_schema())
            .expect("the SARIF schema compiles");
        Sarif {
            validator,
            validated: 0,
            files: 0,
        }
    }

    /// Runs `cicd check --format sarif ARGS` and validates its log; returns the log.
    fn check(&mut self, args: &[&str], files: usize) -> Value {
        let mut all = vec!["check", "--format", "sarif"];
        all.extend_from_slice(args);
        let o = cicd(&all);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&o)
        );
        let log: Value = serde_json::from_str(&stdout(&o))
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)));
        let errors: Vec<String> = self
            .validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(10)
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?}: invalid SARIF:\n{}",
            errors.join("\n")
        );
        consistent(&log);
        self.validated += 1;
        self.files += files;
        log
    }
}

/// What the schema cannot say: one run, every result's rule index names its rule, regions are
/// ordered, related locations have unique ids and messages.
fn consistent(log: &Value) {
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for r in run["results"].as_array().expect("results") {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "{r:#}");
        let mut regions = vec![&r["locations"][0]["physicalLocation"]["region"]];
        let related = r["relatedLocations"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (i, l) in related.iter().enumerate() {
            assert_eq!(l["id"].as_u64(), Some(i as u64));
            assert!(l["message"]["text"].is_string());
        }
        regions.extend(related.iter().map(|l| &l["physicalLocation"]["region"]));
        for region in regions {
            let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
            let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
            assert!(start.0 >= Some(1) && start.1 >= Some(1), "{region}");
            assert!(start <= end, "{region}");
        }
    }
}

/// The files directly in `dir` (sorted), relative to the workspace root, and its subfolders.
fn listing(dir: &Path) -> (Vec<String>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let rel = path
            .strip_prefix(root())
            .expect("under the root")
            .to_path_buf();
        if path.is_dir() {
            dirs.push(rel);
        } else {
            files.push(rel.to_string_lossy().into_owned());
        }
    }
    (files, dirs)
}

#[test]
fn every_log_validates_against_the_sarif_schema() {
    let mut sarif = Sarif::new();
    // The guide's examples and the broken ones, checked together (kinds from their names).
    let (mut examples, _) = listing(Path::new("examples"));
    examples.retain(|f| f.ends_with(".yml") || f.ends_with(".json"));
    let (broken, _) = listing(Path::new("examples/broken"));
    let n = examples.len() + broken.len();
    let args: Vec<&str> = examples.iter().chain(&broken).map(String::as_str).collect();
    sarif.check(&args, n);
    // Every rule fixture: each kind's files together, each workspace folder on its own.
    let fixtures = Path::new("crates/core/tests/fixtures");
    let (_, kinds) = listing(fixtures);
    for kind_dir in kinds {
        let kind = kind_dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let mut by_kind: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let (_, codes) = listing(&kind_dir);
        for code in codes {
            for verdict in ["err", "ok"] {
                let dir = code.join(verdict);
                if !root().join(&dir).is_dir() {
                    continue;
                }
                let (files, workspaces) = listing(&dir);
                for file in files {
                    // The readers' own fixtures: JSON as a trust policy, YAML as a buildspec.
                    let as_kind = match kind {
                        "source" if file.ends_with(".json") => "trust-policy",
                        "source" => "buildspec",
                        k => k,
                    };
                    by_kind.entry(as_kind).or_default().push(file);
                }
                for ws in workspaces {
                    let path = ws.to_string_lossy().into_owned();
                    sarif.check(&[&path], 2);
                }
            }
        }
        for (kind, files) in by_kind {
            let mut args = vec!["--kind", kind];
            args.extend(files.iter().map(String::as_str));
            sarif.check(&args, files.len());
        }
    }
    // The corpus of real files, one folder per kind (`ecs` holds task definitions: not a kind).
    let (_, folders) = listing(Path::new("tests/corpus"));
    for folder in folders {
        let kind = folder.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if cicd_kind_exists(kind) {
            let (files, _) = listing(&folder);
            let mut args = vec!["--kind", kind];
            args.extend(files.iter().map(String::as_str));
            sarif.check(&args, files.len());
        }
    }
    eprintln!(
        "{} SARIF logs validated, covering {} files",
        sarif.validated, sarif.files
    );
    assert!(sarif.files > 1000, "{} files", sarif.files);
}

fn cicd_kind_exists(id: &str) -> bool {
    let o = cicd(&["rules", "--kind", id]);
    o.status.success()
}

/// The log of the broken buildspec with typos.
fn typos() -> Value {
    Sarif::new().check(&["examples/broken/buildspec-typos.yml"], 1)
}

fn result<'a>(log: &'a Value, code: &str) -> &'a Value {
    log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == code)
        .unwrap_or_else(|| panic!("{code} in {log:#}"))
}

fn region(v: &Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}"));
    (
        n("startLine"),
        n("startColumn"),
        n("endLine"),
        n("endColumn"),
    )
}

#[test]
fn regions_levels_and_fixes_of_known_findings() {
    let log = typos();
    let phase = result(&log, "BS020");
    assert_eq!(phase["level"], "error");
    let place = &phase["locations"][0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"]["uri"],
        "examples/broken/buildspec-typos.yml"
    );
    // `pre-build` on line 5, columns 3 to 11; the end column is the one after it.
    assert_eq!(region(&place["region"]), (5, 3, 5, 12));
    let text = std::fs::read_to_string(root().join("examples/broken/buildspec-typos.yml"))
        .expect("example");
    let line: Vec<char> = text.lines().nth(4).expect("line 5").chars().collect();
    assert_eq!(line[2..11].iter().collect::<String>(), "pre-build");
    assert!(
        phase["message"]["text"].as_str().is_some_and(
            |m| m.contains("`pre-build`") && m.contains("help: did you mean `pre_build`?")
        ),
        "{phase:#}"
    );
    let fix = &phase["fixes"][0];
    assert_eq!(fix["description"]["text"], "rename to `pre_build`");
    let change = &fix["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"]["uri"],
        "examples/broken/buildspec-typos.yml"
    );
    assert_eq!(
        region(&change["replacements"][0]["deletedRegion"]),
        (5, 3, 5, 12)
    );
    assert_eq!(
        change["replacements"][0]["insertedContent"]["text"],
        "pre_build"
    );

    // A warning, and a finding whose label is a related location in the same file.
    let typo = result(&log, "BS001");
    assert_eq!(typo["level"], "warning");
    assert_eq!(
        region(&typo["locations"][0]["physicalLocation"]["region"]),
        (9, 5, 9, 12)
    );
    let missing = result(&log, "BS021");
    assert_eq!(
        region(&missing["locations"][0]["physicalLocation"]["region"]),
        (8, 3, 8, 8)
    );
    let label = &missing["relatedLocations"][0];
    assert_eq!(region(&label["physicalLocation"]["region"]), (9, 5, 9, 12));
    assert_eq!(label["message"]["text"], "did you mean `commands`?");

    // The README's example: BS023 at 13:9, 29 characters.
    let colon = Sarif::new().check(&["examples/broken/buildspec-colon-in-command.yml"], 1);
    assert_eq!(
        region(&result(&colon, "BS023")["locations"][0]["physicalLocation"]["region"]),
        (13, 9, 13, 38)
    );
}

#[test]
fn columns_count_code_points_as_the_run_says() {
    // An emoji (two UTF-16 code units, four bytes) before the misspelt phase on the same line:
    // `biuld` starts at code point 19 (it would be 20 in UTF-16 units, 22 in bytes).
    let dir = std::env::temp_dir().join(format!("cicd-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("buildspec with space.yml");
    std::fs::write(
        &path,
        "version: 0.2\nphases: {\"😀\": {}, biuld: {commands: [make]}}\n",
    )
    .expect("write");
    let name = path.to_string_lossy().into_owned();
    let log = Sarif::new().check(&["--kind", "buildspec", &name], 1);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let phase = |name: &str| {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == "BS020"
                    && r["message"]["text"]
                        .as_str()
                        .is_some_and(|m| m.contains(&format!("`{name}`")))
            })
            .unwrap_or_else(|| panic!("BS020 on {name} in {log:#}"))
    };
    // The quoted emoji key: 3 code points (4 UTF-16 units).
    let emoji = &phase("😀")["locations"][0]["physicalLocation"];
    assert_eq!(region(&emoji["region"]), (2, 10, 2, 13));
    let place = &phase("biuld")["locations"][0]["physicalLocation"];
    assert_eq!(region(&place["region"]), (2, 19, 2, 24));
    let prefix = "phases: {\"😀\": {}, ";
    assert_eq!(prefix.chars().count() + 1, 19);
    assert_eq!(prefix.encode_utf16().count() + 1, 20);
    assert_eq!(prefix.len() + 1, 22);
    // An absolute path is a `file://` URI, its space escaped.
    let uri = place["artifactLocation"]["uri"].as_str().expect("uri");
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(uri.ends_with("/buildspec%20with%20space.yml"), "{uri}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn findings_relating_files_have_locations_in_the_other_file() {
    let dir = "crates/core/tests/fixtures/workflow/GHA080/err/environment-vs-branch";
    let log = Sarif::new().check(&[dir], 2);
    let refused = result(&log, "GHA080");
    assert_eq!(
        refused["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        format!("{dir}/.github/workflows/deploy.yml")
    );
    assert_eq!(
        region(&refused["locations"][0]["physicalLocation"]["region"]),
        (15, 27, 15, 64)
    );
    let other = &refused["relatedLocations"][0];
    assert_eq!(
        other["physicalLocation"]["artifactLocation"]["uri"],
        format!("{dir}/iam/trust-policy.json")
    );
    assert_eq!(
        region(&other["physicalLocation"]["region"]),
        (13, 11, 13, 93)
    );
    assert!(
        other["message"]["text"]
            .as_str()
            .is_some_and(|m| m.contains("does not match")),
        "{other:#}"
    );
}

#[test]
fn the_driver_lists_every_rule_with_its_metadata() {
    let log = typos();
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "cicd");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    let listed: Value =
        serde_json::from_str(&stdout(&cicd(&["rules", "--format", "json"]))).expect("rules JSON");
    let listed = listed.as_array().expect("array");
    assert_eq!(rules.len(), listed.len());
    for (r, l) in rules.iter().zip(listed) {
        assert_eq!(r["id"], l["code"]);
        assert_eq!(r["name"], l["name"]);
        assert_eq!(r["shortDescription"]["text"], l["summary"]);
        assert_eq!(r["helpUri"], l["url"]);
        let level = match l["severity"].as_str() {
            Some("info") => "note",
            other => other.expect("severity"),
        };
        assert_eq!(r["defaultConfiguration"]["level"], level, "{}", r["id"]);
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.len() >= l["summary"].as_str().unwrap_or("").len()),
            "{}",
            r["id"]
        );
        assert!(
            r["help"]["markdown"]
                .as_str()
                .is_some_and(|m| m.starts_with(&format!("# {} ", l["code"].as_str().unwrap_or("")))),
            "{}",
            r["id"]
        );
    }
    let bs020 = rules.iter().find(|r| r["id"] == "BS020").expect("BS020");
    assert_eq!(bs020["helpUri"], "https://cicd-playground.dev/rules/BS020");
    assert_eq!(bs020["name"], "unknown-phase");
    assert_eq!(bs020["properties"]["tags"][0], "buildspec");
}

#[test]
fn the_readme_workflow_passes_its_own_check() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let section = readme
        .split("### `--format sarif`")
        .nth(1)
        .expect("the SARIF section");
    let workflow = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a YAML block");
    assert!(workflow.contains("security-events: write"), "{workflow}");
    assert!(workflow.contains("uses: github/codeql-action/upload-sarif@"));
    assert!(workflow.contains("cicd check --format sarif . > cicd.sarif"));
    let dir = std::env::temp_dir().join(format!("cicd-readme-{}", std::process::id()));
    let path = dir.join(".github/workflows/cicd.yml");
    std::fs::create_dir_all(path.parent().expect("parent")).expect("temp dir");
    std::fs::write(&path, workflow).expect("write");
    let name = path.to_string_lossy().into_owned();
    let o = cicd(&["check", "--format", "json", &name]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(common::json(&o), serde_json::json!([]), "no finding at all");
    std::fs::remove_dir_all(&dir).ok();
}
