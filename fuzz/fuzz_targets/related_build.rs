//! Relating the build side: any text as a buildspec, a pipeline, an ECS AppSpec and a task
//! definition (the parts, in that order; a missing part is left out), each under a path its kind
//! is recognised by. Runs what `cicd check` runs on files checked together (`related::relate`);
//! every place of a finding lies in its own file.
#![no_main]

use cicd_core::related::{WorkspaceFile, relate};
use cicd_core::{Kind, Options};
use cicd_fuzz::{assert_span, parts};
use libfuzzer_sys::fuzz_target;

const FILES: [(&str, Kind); 4] = [
    ("buildspec.yml", Kind::Buildspec),
    ("pipeline.json", Kind::Pipeline),
    ("ecs/appspec.yaml", Kind::Appspec),
    ("ecs/taskdef.json", Kind::TaskDefinition),
];

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> = parts(data)
        .iter()
        .take(FILES.len())
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let options = Options::default();
    let mut analyses = Vec::new();
    for (text, (_, kind)) in texts.iter().zip(FILES) {
        match cicd_core::analyze(kind, text, &options) {
            Ok(a) => analyses.push(a),
            Err(_) => return,
        }
    }
    let files: Vec<WorkspaceFile<'_>> = FILES
        .iter()
        .zip(&analyses)
        .map(|((name, _), analysis)| WorkspaceFile { name, analysis })
        .collect();
    for r in relate(&files) {
        assert_span(&texts[r.file], r.diagnostic.span, r.diagnostic.code);
        for l in &r.diagnostic.labels {
            assert_span(&texts[r.file], l.span, r.diagnostic.code);
        }
        for l in &r.elsewhere {
            assert_span(&texts[l.file], l.span, r.diagnostic.code);
        }
    }
});
