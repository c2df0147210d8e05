//! The deployment simulator: a deployment group (part 1), a deployment configuration (part 2)
//! and an AppSpec (part 3) as any text, and any scenario (last part, structured). Runs what the
//! CLI and the playground run: the group's settings and configuration (its own, a predefined one
//! or the platform's default), the file's configuration, and a comparison with a predefined one.
#![no_main]

use arbitrary::Arbitrary;
use cicd_core::appspec::Platform;
use cicd_core::deployment::config::suggest_predefined;
use cicd_core::deployment::{Config, Group, PREDEFINED, simulate};
use cicd_core::{Kind, Model, Options};
use cicd_fuzz::{DeploymentScenario, Pick, arbitrary, parts};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    scenario: DeploymentScenario,
    /// Which configuration runs: the group's, the configuration file's, or a name.
    config: u8,
    name: Pick,
    with_appspec: bool,
}

fn analyze(kind: Kind, bytes: Option<&&[u8]>) -> Option<cicd_core::Analysis> {
    let text = String::from_utf8_lossy(bytes?);
    cicd_core::analyze(kind, &text, &Options::default()).ok()
}

fn check(report: &cicd_core::deployment::DeploymentReport) {
    for pair in report.timeline.windows(2) {
        assert!(pair[0].t <= pair[1].t, "timeline out of order");
    }
    for point in &report.timeline {
        assert!(point.t <= report.duration, "a point after the end");
        assert!(
            (0.0..=100.0).contains(&point.green_percent),
            "green traffic {} % at {}",
            point.green_percent,
            point.t
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let p = parts(data);
    if p.len() < 2 {
        return;
    }
    let Some(input) = arbitrary::<Input>(p[p.len() - 1]) else {
        return;
    };
    let group_file = analyze(Kind::DeploymentGroup, p.first());
    let config_file = analyze(Kind::DeploymentConfig, p.get(1).filter(|_| p.len() > 2));
    let appspec_file = analyze(Kind::Appspec, p.get(2).filter(|_| p.len() > 3));
    let mut group = Group::default();
    let mut group_config = None;
    if let Some(Model::DeploymentGroup(groups)) = group_file.as_ref().map(|a| &a.model)
        && let Some(first) = groups.items.first()
    {
        group = first.settings();
        group_config = groups.own_config(first).and_then(Result::ok);
    }
    let file_config = match config_file.as_ref().map(|a| &a.model) {
        Some(Model::DeploymentConfig(configs)) => {
            configs.items.first().and_then(|c| c.resolve().ok())
        }
        _ => None,
    };
    let names: Vec<&str> = PREDEFINED.iter().map(|p| p.name).collect();
    let name = input.name.get(&names);
    let _ = suggest_predefined(&name);
    let platform = group.platform.unwrap_or(Platform::Ec2);
    let config = match input.config % 3 {
        0 => group_config,
        1 => file_config,
        _ => Config::predefined(&name),
    }
    .or_else(|| group.config_name.as_deref().and_then(Config::predefined))
    .unwrap_or_else(|| Config::default_for(platform));
    let appspec = match appspec_file.as_ref().map(|a| &a.model) {
        Some(Model::Appspec(spec)) if input.with_appspec => Some(spec),
        _ => None,
    };
    let alarms: Vec<&str> = group.alarms.iter().map(String::as_str).collect();
    let scenario = input.scenario.scenario(&alarms);
    let report = simulate(&config, &group, appspec, &scenario);
    check(&report);
    if let Some(other) = Config::predefined(&name) {
        check(&simulate(&other, &group, appspec, &scenario));
    }
});
