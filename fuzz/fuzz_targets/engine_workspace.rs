//! The engine with a workspace, as the page drives it when files relate: two to five files (the
//! parts before the last) named from every kind that relates (workflows and trust policies,
//! deployment groups, configurations and AppSpecs, buildspecs, pipelines and task definitions),
//! each analysed with the others as its related files and with panel settings that choose tabs
//! (`df`, `dg`), then asked again after one file changes. Every range of every report lies inside
//! its own text (UTF-16 offsets), and each place a finding has in another file inside that file.
#![no_main]

use arbitrary::Arbitrary;
use cicd_engine::{Engine, FileInput, FileReport, RelatedFile, Request};
use cicd_fuzz::{Pick, arbitrary, parts};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    names: Vec<Pick>,
    /// Settings of each file (`d`, `df`, `dg`, `l`…), as JSON the workspace keeps.
    settings: Vec<Pick>,
    /// Which file to change and ask about again.
    change: u8,
}

const NAMES: &[&str] = &[
    "buildspec.yml",
    "pipeline.json",
    "appspec.yml",
    "appspec.yaml",
    "taskdef.json",
    "deployment-group.json",
    "deployment-config.json",
    "linear-deployment-config.json",
    "trust-policy.json",
    ".github/workflows/deploy.yml",
    "template.yml",
];
const SETTINGS: &[&str] = &[
    "",
    r#"{"df":"deployment-config.json"}"#,
    r#"{"df":"linear-deployment-config.json","d":{"instances":9}}"#,
    r#"{"dg":"deployment-group.json"}"#,
    r#"{"dn":"CodeDeployDefault.ECSCanary10Percent5Minutes","df":"missing.json"}"#,
    r#"{"d":{"fault":{"error_rate":50,"from":60}}}"#,
    "{",
];

fn check(files: &[(String, String)], report: &FileReport) {
    let Some((_, text)) = files.get((report.id as usize).wrapping_sub(1)) else {
        panic!("a report for a file that was not asked about");
    };
    let len16 = text.encode_utf16().count() as u32;
    for d in &report.diagnostics {
        assert!(d.from16 <= d.to16 && d.to16 <= len16, "{} outside", d.code);
        for label in &d.elsewhere {
            let place = &label.at;
            let Some((_, other)) = files.get((place.file as usize).wrapping_sub(1)) else {
                panic!("{} points at a file of no id {}", d.code, place.file);
            };
            let other16 = other.encode_utf16().count() as u32;
            assert!(
                place.from16 <= place.to16 && place.to16 <= other16,
                "{} elsewhere outside its file",
                d.code
            );
        }
    }
}

fn ask(engine: &mut Engine, files: &[(String, String)], settings: &[String], version: u64) {
    for (i, (name, text)) in files.iter().enumerate() {
        let related = files
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(j, (name, text))| RelatedFile {
                id: j as u32 + 1,
                version,
                name: name.clone(),
                text: text.clone(),
                kind: "auto".to_string(),
            })
            .collect();
        let report = engine
            .handle(Request::Analyze(FileInput {
                id: i as u32 + 1,
                version,
                name: name.clone(),
                text: text.clone(),
                kind: "auto".to_string(),
                image: None,
                scenario: settings.get(i).cloned().unwrap_or_default(),
                related,
            }))
            .expect("an analysis is answered");
        check(files, &report);
    }
}

fuzz_target!(|data: &[u8]| {
    let p = parts(data);
    if p.len() < 3 {
        return;
    }
    let Some(input) = arbitrary::<Input>(p[p.len() - 1]) else {
        return;
    };
    let mut files: Vec<(String, String)> = p[..p.len() - 1]
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, bytes)| {
            let name = input
                .names
                .get(i)
                .map_or_else(|| NAMES[i % NAMES.len()].to_string(), |n| n.get(NAMES));
            (name, String::from_utf8_lossy(bytes).into_owned())
        })
        .collect();
    let settings: Vec<String> = input.settings.iter().map(|s| s.get(SETTINGS)).collect();
    let mut engine = Engine::new();
    ask(&mut engine, &files, &settings, 1);
    let changed = usize::from(input.change) % files.len();
    if let Some((_, text)) = files.get_mut(changed) {
        let cut = text.len() / 2;
        let cut = (0..=cut)
            .rev()
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(0);
        text.truncate(cut);
    }
    ask(&mut engine, &files, &settings, 2);
});
