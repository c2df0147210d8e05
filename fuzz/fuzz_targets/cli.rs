//! The CLI's argument-to-core paths, without a process: for each subcommand, the core calls
//! `cicd` makes after reading its arguments and files, with any argument values (last part,
//! structured) and any file bytes (the other parts): `check` (kind from `--kind` or detected
//! from the name and content, `analyze_bytes` with `--image`, relating the files, the human,
//! related and GitHub renderers), `assume` (`--principal`, `--context`, `--github-*`, the report
//! placed in lines and columns and written as JSON), `simulate lifecycle|pipeline|deployment`
//! (their reports as JSON), `explain`, `rules --kind` and `share`.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::appspec::report::lifecycle_report;
use cicd_core::appspec::{Deployment, timeline};
use cicd_core::deployment::config::suggest_predefined;
use cicd_core::deployment::{Config, Group, simulate as deploy};
use cicd_core::diagnostic::render::{HumanOptions, NamedText, github, human, human_related};
use cicd_core::related::{WorkspaceFile, relate};
use cicd_core::report::LineCol;
use cicd_core::trust_policy::assume::{github_provider, parse_context, request};
use cicd_core::trust_policy::report::assume_report;
use cicd_core::trust_policy::{Caller, github::Run};
use cicd_core::{Kind, LineIndex, Model, Options, buildspec, registry};
use cicd_fuzz::{CALLERS, EVENTS, Pick, assert_span, parts};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
enum Command {
    Check {
        kind: Option<u8>,
        names: Vec<Pick>,
        image: Option<Pick>,
        color: bool,
    },
    Assume {
        principal: Option<Pick>,
        action: Option<String>,
        context: Vec<String>,
        github_repo: Option<Pick>,
        github_ref: Option<String>,
        github_environment: Option<String>,
        github_event: Option<String>,
        github_audience: Option<String>,
        github_sub_claims: Option<String>,
    },
    Lifecycle {
        deployment: Option<Pick>,
        test_listener: bool,
        fail: Option<Pick>,
        first_deployment: bool,
    },
    Pipeline {
        pipeline: Option<String>,
    },
    Deployment {
        config: Pick,
        instances: u16,
        seed: u64,
    },
    Explain(Pick),
    Rules(Option<u8>),
    Share(Vec<Pick>),
}

const NAMES: &[&str] = &[
    "buildspec.yml",
    "ci/buildspec-test.yaml",
    "service__buildspec.yml",
    "appspec.yml",
    "appspec.json",
    "trust-policy.json",
    "github-trust-policy.json",
    ".github/workflows/deploy.yml",
    "pipeline.json",
    "cfn/codepipeline.yml",
    "deployment-group.json",
    "deployment-config.yaml",
    "-",
    "README.md",
];
const IMAGES: &[&str] = &[
    "aws/codebuild/standard:7.0",
    "aws/codebuild/standard:5.0",
    "aws/codebuild/amazonlinux2-x86_64-standard:5.0",
    "aws/codebuild/amazonlinux2-aarch64-standard:3.0",
    "aws/codebuild/amazonlinux-x86_64-standard:6.0",
    "custom:latest",
];

fn check(files: &[&[u8]], kind: Option<u8>, names: &[Pick], image: Option<&Pick>, color: bool) {
    let options = Options {
        buildspec: buildspec::Options {
            image: image.map(|i| i.get(IMAGES)),
        },
        ..Options::default()
    };
    let forced = kind.map(|k| Kind::ALL[k as usize % Kind::ALL.len()]);
    let mut checked = Vec::new();
    for (i, bytes) in files.iter().enumerate() {
        let name = names
            .get(i)
            .map_or_else(|| format!("file{i}.yml"), |n| n.get(NAMES));
        let kind = match forced {
            Some(k) => k,
            None => {
                let text = String::from_utf8_lossy(bytes);
                let detect_name = (name != "-").then_some(name.as_str());
                match Kind::detect(detect_name, &text) {
                    Some(k) => k,
                    None => return,
                }
            }
        };
        let Ok((text, analysis)) = cicd_core::analyze_bytes(kind, bytes, &options) else {
            return;
        };
        checked.push((name, text, analysis));
    }
    let members: Vec<WorkspaceFile<'_>> = checked
        .iter()
        .map(|(name, _, analysis)| WorkspaceFile { name, analysis })
        .collect();
    let related = relate(&members);
    let human_options = HumanOptions {
        color,
        unicode: false,
    };
    for (name, text, analysis) in &checked {
        cicd_fuzz::check_diagnostics(text, &analysis.diagnostics);
        let _ = human(&analysis.diagnostics, text, name, human_options);
        let _ = github(&analysis.diagnostics, text, name);
        let index = LineIndex::new(text);
        for d in &analysis.diagnostics {
            let _ = LineCol::of(&index, text, d.span);
        }
    }
    let named: Vec<NamedText<'_>> = checked
        .iter()
        .map(|(name, text, _)| NamedText { name, text })
        .collect();
    for r in &related {
        assert_span(&checked[r.file].1, r.diagnostic.span, r.diagnostic.code);
        for l in &r.elsewhere {
            assert_span(&checked[l.file].1, l.span, r.diagnostic.code);
        }
    }
    let _ = human_related(&related, &named, human_options);
}

fuzz_target!(|data: &[u8]| {
    let p = parts(data);
    let Some(command) = cicd_fuzz::arbitrary::<Command>(p[p.len() - 1]) else {
        return;
    };
    let files: Vec<&[u8]> = p[..p.len() - 1].iter().copied().take(4).collect();
    let first = files.first().copied().unwrap_or_default();
    let options = Options::default();
    match command {
        Command::Check {
            kind,
            names,
            image,
            color,
        } => check(&files, kind, &names, image.as_ref(), color),
        Command::Assume {
            principal,
            action,
            context,
            github_repo,
            github_ref,
            github_environment,
            github_event,
            github_audience,
            github_sub_claims,
        } => {
            let text = String::from_utf8_lossy(first).into_owned();
            let Ok(analysis) = cicd_core::analyze(Kind::TrustPolicy, &text, &options) else {
                return;
            };
            let Model::TrustPolicy(trust) = &analysis.model else {
                return;
            };
            if !analysis.readable() {
                return;
            }
            let run = match &github_repo {
                Some(repo) => {
                    let Some(mut run) =
                        Run::for_repository(&repo.get(&["octo-org/octo-repo", "a/b"]))
                    else {
                        return;
                    };
                    run.git_ref = github_ref;
                    run.environment = github_environment;
                    run.event = github_event;
                    run.audience = github_audience;
                    run.sub_claim_keys = github_sub_claims.map(|k| {
                        k.split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect()
                    });
                    Some(run)
                }
                None => None,
            };
            let caller = match (&principal, &run) {
                (Some(p), _) => match Caller::parse(&p.get(CALLERS)) {
                    Ok(c) => c,
                    Err(_) => return,
                },
                (None, Some(_)) => Caller::Federated(github_provider(trust)),
                (None, None) => return,
            };
            let Ok(given) = parse_context(context.iter().map(String::as_str)) else {
                return;
            };
            let request = request(caller, action.as_deref(), run.as_ref(), &given);
            let index = LineIndex::new(&text);
            let report =
                assume_report(trust, &request, run.as_ref(), &analysis.diagnostics).map(|span| {
                    assert_span(&text, span, "assume");
                    LineCol::of(&index, &text, span)
                });
            serde_json::to_string_pretty(&report).expect("the report is JSON");
        }
        Command::Lifecycle {
            deployment,
            test_listener,
            fail,
            first_deployment,
        } => {
            let Ok((text, analysis)) = cicd_core::analyze_bytes(Kind::Appspec, first, &options)
            else {
                return;
            };
            let Model::Appspec(spec) = &analysis.model else {
                return;
            };
            let deployment = match deployment {
                Some(d) => {
                    match Deployment::from_id(&d.get(&["in-place", "in-place-lb", "blue-green"])) {
                        Some(d) => d,
                        None => return,
                    }
                }
                None => Deployment::InPlace,
            };
            let scenario = cicd_core::appspec::Scenario {
                deployment,
                test_listener,
                first_deployment,
                fail: fail.map(|f| f.get(EVENTS)),
            };
            let index = LineIndex::new(&text);
            let report = lifecycle_report(&timeline(spec, &scenario), 0).map(|span| {
                assert_span(&text, span, "lifecycle");
                LineCol::of(&index, &text, span)
            });
            serde_json::to_string_pretty(&report).expect("the report is JSON");
        }
        Command::Pipeline { pipeline } => {
            let Ok((text, analysis)) = cicd_core::analyze_bytes(Kind::Pipeline, first, &options)
            else {
                return;
            };
            let Model::Pipeline(file) = &analysis.model else {
                return;
            };
            let Some(chosen) = file.pipeline(pipeline.as_deref()) else {
                for p in &file.pipelines {
                    let _ = p.label();
                }
                return;
            };
            let index = LineIndex::new(&text);
            let scenario = cicd_core::pipeline::Scenario::default();
            let report = cicd_core::pipeline::simulate(chosen, &scenario).map(|span| {
                assert_span(&text, span, "pipeline");
                LineCol::of(&index, &text, span)
            });
            serde_json::to_string_pretty(&report).expect("the report is JSON");
        }
        Command::Deployment {
            config,
            instances,
            seed,
        } => {
            let names: Vec<&str> = cicd_core::deployment::PREDEFINED
                .iter()
                .map(|p| p.name)
                .collect();
            let name = config.get(&names);
            let config = match Config::predefined(&name) {
                Some(c) => c,
                None => {
                    let _ = suggest_predefined(&name);
                    let Ok((_, analysis)) =
                        cicd_core::analyze_bytes(Kind::DeploymentConfig, first, &options)
                    else {
                        return;
                    };
                    let Model::DeploymentConfig(configs) = &analysis.model else {
                        return;
                    };
                    match configs.items.first().map(|c| c.resolve()) {
                        Some(Ok(c)) => c,
                        _ => return,
                    }
                }
            };
            let scenario = cicd_core::deployment::Scenario {
                platform: Some(config.platform),
                instances: u32::from(instances).clamp(1, 10_000),
                seed,
                ..cicd_core::deployment::Scenario::default()
            };
            let report = deploy(&config, &Group::default(), None, &scenario);
            serde_json::to_string_pretty(&report).expect("the report is JSON");
        }
        Command::Explain(query) => {
            let codes: Vec<&str> = registry::all().iter().map(|r| r.code).collect();
            let query = query.get(&codes);
            if let Some(rule) = registry::rule(&query).or_else(|| registry::by_name(&query)) {
                let _ = registry::page(rule);
            }
        }
        Command::Rules(kind) => {
            let kind = kind.map(|k| Kind::ALL[k as usize % Kind::ALL.len()]);
            let rules: Vec<_> = registry::all()
                .into_iter()
                .filter(|r| kind.is_none_or(|k| registry::kind_of(r.code) == Some(k)))
                .collect();
            assert!(kind.is_none() || !rules.is_empty(), "a kind without rules");
        }
        Command::Share(names) => {
            let mut workspace = cicd_share::Workspace {
                files: Vec::new(),
                selected: 0,
                settings: Default::default(),
            };
            for (i, bytes) in files.iter().enumerate() {
                let Ok(text) = std::str::from_utf8(bytes) else {
                    return;
                };
                workspace.files.push(cicd_share::File {
                    id: i as u32 + 1,
                    name: names
                        .get(i)
                        .map_or_else(|| format!("file-{i}"), |n| n.get(NAMES)),
                    text: text.to_string(),
                    kind: cicd_share::KindChoice::Auto,
                    scenario: String::new(),
                });
            }
            let workspace = workspace.normalize();
            let link = cicd_share::encode(&workspace);
            if !workspace.files.is_empty() {
                assert_eq!(cicd_share::decode(&link).as_ref(), Ok(&workspace));
            }
        }
    }
});
