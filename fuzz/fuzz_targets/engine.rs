//! The playground's engine, as the page drives it: a file (first part) with any name, kind
//! choice and image, and its panel settings as the JSON the workspace keeps (second part, read by
//! `PanelInputs::parse`), analysed, then the panel asked again with other settings. Every range
//! the page receives lies inside the text (UTF-16 offsets), and the settings survive being
//! written and read back.
#![no_main]

use arbitrary::Arbitrary;
use cicd_engine::{Engine, FileInput, FileReport, PanelInputs, Request};
use cicd_fuzz::{Pick, arbitrary, parts};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    name: Pick,
    kind: Pick,
    image: Option<Pick>,
    /// Ask the panel again with the settings the engine answered with (the page keeps them).
    again: bool,
}

const NAMES: &[&str] = &[
    "buildspec.yml",
    "appspec.yml",
    "appspec.json",
    "trust-policy.json",
    ".github/workflows/deploy.yml",
    "pipeline.json",
    "pipeline.yml",
    "deployment-group.json",
    "deployment-config.json",
    "notes.txt",
    "",
];
const KINDS: &[&str] = &[
    "auto",
    "text",
    "buildspec",
    "appspec",
    "trust-policy",
    "pipeline",
    "workflow",
    "deployment-group",
    "deployment-config",
];
const IMAGES: &[&str] = &[
    "aws/codebuild/standard:7.0",
    "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
    "aws/codebuild/amazonlinux-aarch64-standard:3.0",
    "custom/image",
];

fn check(text: &str, report: &FileReport) {
    let len16 = text.encode_utf16().count() as u32;
    for d in &report.diagnostics {
        assert!(
            d.from16 <= d.to16 && d.to16 <= len16,
            "{} outside the text",
            d.code
        );
        if let Some(fix) = &d.fix {
            assert!(
                fix.from16 <= fix.to16 && fix.to16 <= len16,
                "{} fix outside",
                d.code
            );
        }
    }
    for h in &report.highlights {
        assert!(
            h.from16 <= h.to16 && h.to16 <= len16,
            "highlight outside the text"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let p = parts(data);
    let text = String::from_utf8_lossy(p[0]).into_owned();
    let scenario = p
        .get(1)
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .unwrap_or_default();
    let tail = if p.len() > 2 { p[p.len() - 1] } else { &[] };
    let Some(input) = arbitrary::<Input>(tail) else {
        return;
    };
    let inputs = PanelInputs::parse(&scenario);
    assert_eq!(
        PanelInputs::parse(&inputs.to_json()),
        inputs,
        "panel settings change when written and read back"
    );
    let mut engine = Engine::new();
    let report = engine
        .handle(Request::Analyze(FileInput {
            id: 1,
            version: 1,
            name: input.name.get(NAMES),
            text: text.clone(),
            kind: input.kind.get(KINDS),
            image: input.image.as_ref().map(|i| i.get(IMAGES)),
            scenario,
            related: Vec::new(),
        }))
        .expect("an analysis is answered");
    check(&text, &report);
    if input.again {
        let scenario = report.inputs.to_json();
        let again = engine
            .handle(Request::Panel {
                id: 1,
                version: 1,
                scenario,
            })
            .expect("a panel request for the current version is answered");
        check(&text, &again);
    }
});
