//! Deployment files that relate: a group that names a custom configuration defined in another
//! tab runs with it, a configuration tab chosen in a group's panel, an AppSpec's deployment
//! through the workspace's group, and a group's deployment with the workspace's AppSpec.

mod common;

use common::{ask, ask_with};

use cicd_core::deployment::simulate::Fault;
use cicd_engine::{DeploymentView, Engine, FileReport, FileVersion, Panel, PanelInputs};

const APPSPEC_ECS: &str = include_str!("../../../examples/appspec-ecs.yml");
const APPSPEC_EC2: &str = include_str!("../../../examples/appspec-ec2.yml");
const GROUP_ECS: &str = include_str!("../../../examples/deployment-group-ecs.json");
const GROUP_EC2: &str = include_str!("../../../examples/deployment-group-ec2-rolling.json");

/// An ECS group naming the custom configuration `MyLinear`.
fn group_naming(name: &str) -> String {
    GROUP_ECS.replace("CodeDeployDefault.ECSCanary10Percent5Minutes", name)
}

/// A custom ECS linear configuration.
fn linear(name: &str, percent: u32, minutes: u32) -> String {
    format!(
        r#"{{"deploymentConfigName": "{name}", "computePlatform": "ECS",
  "trafficRoutingConfig": {{"type": "TimeBasedLinear",
    "timeBasedLinear": {{"linearPercentage": {percent}, "linearInterval": {minutes}}}}}}}"#
    )
}

fn deployment(report: &FileReport) -> &DeploymentView {
    match &report.panel {
        Panel::Deployment(view) => view,
        Panel::Lifecycle(view) => view.deployment.as_deref().expect("an AppSpec's deployment"),
        other => panic!("no deployment panel: {other:?}"),
    }
}

/// The distinct shares of traffic on the new revision, in time order.
fn shares(view: &DeploymentView) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for p in &view.report.timeline {
        if out.last() != Some(&p.green_percent) {
            out.push(p.green_percent);
        }
    }
    out
}

#[test]
fn a_group_runs_with_the_custom_configuration_another_tab_defines() {
    let mut engine = Engine::new();
    let group_text = group_naming("MyLinear");
    let config_text = linear("MyLinear", 25, 2);
    let group = (1, 1, "deployment-group.json", group_text.as_str());
    let config = (2, 1, "my-linear.json", config_text.as_str());
    let r = ask(&mut engine, group, &[config]);
    assert_eq!(r.related, [FileVersion { id: 2, version: 1 }]);
    let view = deployment(&r);
    assert_eq!(view.report.config.config.name, "MyLinear");
    assert!(!view.report.config.config.predefined);
    assert_eq!(view.own_config, "MyLinear");
    assert!(view.source.contains("my-linear.json"), "{}", view.source);
    assert_eq!(view.note, None);
    assert_eq!(shares(view), [0.0, 25.0, 50.0, 75.0, 100.0]);
    // The configuration tab is offered as a choice too.
    assert_eq!(view.tabs.len(), 1);
    assert_eq!(
        (view.tabs[0].name.as_str(), view.tabs[0].config.as_str()),
        ("my-linear.json", "MyLinear")
    );

    // Editing the configuration tab changes the group's report, without analysing the group
    // again.
    let before = engine.analyses();
    let edited = linear("MyLinear", 50, 2);
    let r = ask(
        &mut engine,
        group,
        &[(2, 2, "my-linear.json", edited.as_str())],
    );
    assert_eq!(engine.analyses(), before + 1, "only the edited tab");
    assert_eq!(r.related, [FileVersion { id: 2, version: 2 }]);
    assert_eq!(shares(deployment(&r)), [0.0, 50.0, 100.0]);

    // Another name: the configuration is no longer found, and the panel says what ran instead.
    let renamed = linear("OtherName", 50, 2);
    let r = ask(
        &mut engine,
        group,
        &[(2, 3, "my-linear.json", renamed.as_str())],
    );
    let view = deployment(&r);
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.ECSAllAtOnce"
    );
    assert_eq!(
        view.own_config, "MyLinear",
        "the group's name is still shown"
    );
    let note = view.note.as_deref().expect("a note");
    assert!(note.contains("`MyLinear`"), "{note}");
    assert!(note.contains("CodeDeployDefault.ECSAllAtOnce"), "{note}");
    assert!(note.contains("no file of the workspace defines"), "{note}");
}

#[test]
fn a_configuration_tab_chosen_in_the_panel_runs_and_a_closed_one_is_named() {
    let mut engine = Engine::new();
    let config_text = linear("Quarters", 25, 1);
    let group = (1, 1, "deployment-group.json", GROUP_ECS);
    let config = (2, 1, "quarters.json", config_text.as_str());
    let inputs = PanelInputs {
        config_tab: Some("quarters.json".into()),
        // A predefined choice too: the tab wins.
        config: Some("CodeDeployDefault.ECSAllAtOnce".into()),
        ..PanelInputs::default()
    };
    let json = inputs.to_json();
    assert!(json.contains(r#""df":"quarters.json""#), "{json}");
    // Only what was chosen: the untouched scenarios stay out of links and autosaves.
    for untouched in [r#""l":"#, r#""p":"#, r#""d":"#] {
        assert!(!json.contains(untouched), "{json}");
    }
    assert_eq!(
        PanelInputs::parse(&json),
        inputs,
        "the choice travels with the file"
    );
    let r = ask_with(&mut engine, group, &[config], &inputs);
    let view = deployment(&r);
    assert_eq!(view.report.config.config.name, "Quarters");
    assert_eq!(view.chosen_tab.as_deref(), Some("quarters.json"));
    assert_eq!(view.chosen, None);
    assert_eq!(
        view.own_config, "CodeDeployDefault.ECSCanary10Percent5Minutes",
        "the group's own is still named"
    );
    assert_eq!(shares(view), [0.0, 25.0, 50.0, 75.0, 100.0]);
    // The tab renamed: the group's own configuration runs and the panel says why.
    let r = ask_with(
        &mut engine,
        group,
        &[(2, 2, "renamed.json", config_text.as_str())],
        &PanelInputs {
            config: None,
            ..inputs.clone()
        },
    );
    let view = deployment(&r);
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.ECSCanary10Percent5Minutes"
    );
    assert_eq!(view.chosen_tab, None);
    let note = view.note.as_deref().expect("a note");
    assert!(
        note.contains("`quarters.json`") && note.contains("not in the workspace"),
        "{note}"
    );
}

#[test]
fn an_appspec_deploys_through_the_workspaces_group_and_its_configuration() {
    let mut engine = Engine::new();
    let group_text = group_naming("MyLinear");
    let config_text = linear("MyLinear", 50, 1);
    let appspec = (3, 1, "appspec.yaml", APPSPEC_ECS);
    let group = (1, 1, "deployment-group.json", group_text.as_str());
    let config = (2, 1, "my-linear.json", config_text.as_str());
    // Alone: a default ECS group.
    let r = ask(&mut engine, appspec, &[]);
    let view = deployment(&r);
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.ECSAllAtOnce"
    );
    assert_eq!(view.group_tab, None);
    assert!(view.source.contains("default group"), "{}", view.source);
    // The lifecycle timeline is still the panel.
    assert!(matches!(r.panel, Panel::Lifecycle(_)));
    // With the group tab and its configuration's tab.
    let r = ask(
        &mut engine,
        (3, 2, "appspec.yaml", APPSPEC_ECS),
        &[group, config],
    );
    let view = deployment(&r);
    assert_eq!(view.group_tab.as_deref(), Some("deployment-group.json"));
    assert_eq!(view.groups, ["deployment-group.json"]);
    assert_eq!(view.report.config.config.name, "MyLinear");
    assert_eq!(shares(view), [0.0, 50.0, 100.0]);
    // The group's alarms and rollback come with it: broken, it rolls back.
    let broken = PanelInputs {
        deployment: cicd_core::deployment::Scenario {
            faults: vec![Fault::ErrorRate {
                percent: 20.0,
                at: 0,
            }],
            ..Default::default()
        },
        ..PanelInputs::default()
    };
    let r = ask_with(
        &mut engine,
        (3, 3, "appspec.yaml", APPSPEC_ECS),
        &[group, config],
        &broken,
    );
    assert_eq!(deployment(&r).report.outcome.as_str(), "RolledBack");
    // The AppSpec's hook function fails: the deployment fails and the group rolls it back.
    let failing = PanelInputs {
        deployment: cicd_core::deployment::Scenario {
            faults: vec![Fault::FailHook {
                event: "AfterAllowTestTraffic".into(),
                instance: None,
            }],
            ..Default::default()
        },
        ..PanelInputs::default()
    };
    let r = ask_with(
        &mut engine,
        (3, 4, "appspec.yaml", APPSPEC_ECS),
        &[group, config],
        &failing,
    );
    let view = deployment(&r);
    assert_eq!(view.report.outcome.as_str(), "RolledBack");
    assert_eq!(
        view.hooks,
        [
            "BeforeInstall",
            "AfterInstall",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AfterAllowTraffic"
        ]
    );
    assert!(
        view.report
            .events
            .iter()
            .any(|e| e.event.as_deref() == Some("AfterAllowTestTraffic")
                && e.message.contains("Failed")),
        "{:?}",
        view.report.events
    );
    // Without that hook in the AppSpec there is no function to fail: the run is the AppSpec's.
    let without = APPSPEC_ECS.replace(
        "  - AfterAllowTestTraffic: \"LambdaFunctionToRunTests\"\n",
        "",
    );
    assert_ne!(without, APPSPEC_ECS);
    let r = ask_with(
        &mut engine,
        (3, 5, "appspec.yaml", &without),
        &[group, config],
        &failing,
    );
    let view = deployment(&r);
    assert_eq!(view.report.outcome.as_str(), "Succeeded");
    assert!(
        !view.hooks.iter().any(|h| h == "AfterAllowTestTraffic"),
        "only the AppSpec's hooks can fail: {:?}",
        view.hooks
    );
    assert!(
        view.report
            .notes
            .iter()
            .any(|n| n.contains("AfterAllowTestTraffic")),
        "{:?}",
        view.report.notes
    );
}

#[test]
fn with_several_groups_the_appspec_takes_its_platforms_or_the_chosen_one() {
    let mut engine = Engine::new();
    let ecs = (1, 1, "ecs-deployment-group.json", GROUP_ECS);
    let ec2 = (2, 1, "ec2-deployment-group.json", GROUP_EC2);
    let r = ask(&mut engine, (3, 1, "appspec.yml", APPSPEC_EC2), &[ecs, ec2]);
    let view = deployment(&r);
    assert_eq!(
        view.groups,
        ["ecs-deployment-group.json", "ec2-deployment-group.json"]
    );
    assert_eq!(
        view.group_tab.as_deref(),
        Some("ec2-deployment-group.json"),
        "the EC2 AppSpec's group"
    );
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.HalfAtATime"
    );
    let chosen = PanelInputs {
        group: Some("ecs-deployment-group.json".into()),
        ..PanelInputs::default()
    };
    assert!(
        chosen
            .to_json()
            .contains(r#""dg":"ecs-deployment-group.json""#)
    );
    let r = ask_with(
        &mut engine,
        (3, 2, "appspec.yml", APPSPEC_EC2),
        &[ecs, ec2],
        &chosen,
    );
    let view = deployment(&r);
    assert_eq!(view.group_tab.as_deref(), Some("ecs-deployment-group.json"));
    assert_eq!(
        view.report.config.config.name,
        "CodeDeployDefault.ECSCanary10Percent5Minutes"
    );
    // The chosen group closed: the AppSpec's platform's group, and a note.
    let r = ask_with(
        &mut engine,
        (3, 3, "appspec.yml", APPSPEC_EC2),
        &[ec2],
        &chosen,
    );
    let view = deployment(&r);
    assert_eq!(view.group_tab.as_deref(), Some("ec2-deployment-group.json"));
    assert!(
        view.note
            .as_deref()
            .is_some_and(|n| n.contains("`ecs-deployment-group.json`")),
        "{:?}",
        view.note
    );
}

#[test]
fn a_groups_deployment_runs_the_workspaces_appspec_of_its_platform() {
    let mut engine = Engine::new();
    let group = (1, 1, "deployment-group.json", GROUP_EC2);
    let r = ask(&mut engine, group, &[]);
    let alone = deployment(&r).clone();
    assert_eq!(alone.appspec, None);
    // The ECS AppSpec is not this EC2 group's.
    let r = ask(&mut engine, group, &[(2, 1, "appspec.yaml", APPSPEC_ECS)]);
    assert_eq!(deployment(&r).appspec, None);
    let r = ask(
        &mut engine,
        group,
        &[
            (2, 1, "appspec.yaml", APPSPEC_ECS),
            (3, 1, "appspec.yml", APPSPEC_EC2),
        ],
    );
    let view = deployment(&r);
    assert_eq!(view.appspec.as_deref(), Some("appspec.yml"));
    // The AppSpec's hooks are the lifecycle each instance runs.
    let events: Vec<&str> = view.report.lifecycle.iter().map(|s| &*s.event).collect();
    assert!(events.contains(&"ValidateService"), "{events:?}");
    assert_eq!(
        view.report.config.config.name,
        alone.report.config.config.name
    );
}

#[test]
fn a_custom_configuration_for_another_platform_is_reported_in_both_files() {
    let mut engine = Engine::new();
    let group_text = group_naming("MyLinear");
    let lambda = linear("MyLinear", 25, 2).replace("\"ECS\"", "\"Lambda\"");
    let group = (1, 1, "deployment-group.json", group_text.as_str());
    let config = (2, 1, "my-linear.json", lambda.as_str());
    let r = ask(&mut engine, group, &[config]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "DEP113")
        .expect("DEP113 in the group");
    assert!(d.message.contains("Lambda"), "{}", d.message);
    assert_eq!(
        &group_text[d.from16 as usize..d.to16 as usize],
        "\"MyLinear\""
    );
    let [there] = d.elsewhere.as_slice() else {
        panic!("one place in the configuration: {:?}", d.elsewhere)
    };
    assert_eq!(there.at.file, 2);
    assert_eq!(
        &lambda[there.at.from16 as usize..there.at.to16 as usize],
        "\"Lambda\""
    );
    // The configuration's report shows it at its `computePlatform`, pointing at the group.
    let r = ask(&mut engine, config, &[group]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "DEP113")
        .expect("DEP113 in the configuration");
    assert_eq!(&lambda[d.from16 as usize..d.to16 as usize], "\"Lambda\"");
    assert_eq!(d.elsewhere.first().map(|l| l.at.file), Some(1));
    // The same platform: nothing.
    let ecs = linear("MyLinear", 25, 2);
    let r = ask(
        &mut engine,
        group,
        &[(2, 2, "my-linear.json", ecs.as_str())],
    );
    assert!(!r.diagnostics.iter().any(|d| d.code == "DEP113"));
}

#[test]
fn a_configuration_defined_twice_is_shown_in_both_files_and_the_first_runs() {
    let mut engine = Engine::new();
    let (slow, fast) = (linear("Quarters", 25, 5), linear("Quarters", 25, 1));
    let first = (1, 1, "quarters.json", slow.as_str());
    let second = (2, 1, "quarters-fast.json", fast.as_str());
    let r = ask(&mut engine, second, &[first]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "DEP012")
        .expect("DEP012 at the second definition");
    assert_eq!(&fast[d.from16 as usize..d.to16 as usize], "\"Quarters\"");
    assert!(d.message.contains("quarters.json"), "{}", d.message);
    assert_eq!(d.elsewhere.first().map(|l| l.at.file), Some(1));
    let r = ask(&mut engine, first, &[second]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "DEP012")
        .expect("DEP012 shown at the first definition too");
    assert_eq!(d.elsewhere.first().map(|l| l.at.file), Some(2));
    // A group that names it runs the first definition (five-minute steps), as the help says.
    let group_text = group_naming("Quarters");
    let view_of = |r: &FileReport| deployment(r).report.config.config.clone();
    let r = ask(
        &mut engine,
        (3, 1, "group.json", group_text.as_str()),
        &[first, second],
    );
    let config = view_of(&r);
    assert_eq!(config.name, "Quarters");
    assert!(
        matches!(
            config.traffic_routing,
            Some(cicd_core::deployment::config::TrafficRouting::Linear {
                interval_minutes: 5,
                ..
            })
        ),
        "{config:?}"
    );
    let other = linear("QuartersEveryMinute", 25, 1);
    let r = ask(
        &mut engine,
        (2, 2, "quarters-fast.json", other.as_str()),
        &[first],
    );
    assert!(!r.diagnostics.iter().any(|d| d.code == "DEP012"));
}

#[test]
fn a_configurations_deployment_runs_through_the_group_that_names_it() {
    let mut engine = Engine::new();
    let group_text = group_naming("MyLinear");
    let config_text = linear("MyLinear", 25, 2);
    let config = (2, 1, "my-linear.json", config_text.as_str());
    let broken = PanelInputs {
        deployment: cicd_core::deployment::Scenario {
            faults: vec![Fault::ErrorRate {
                percent: 20.0,
                at: 0,
            }],
            ..Default::default()
        },
        ..PanelInputs::default()
    };
    // Alone: a default group, which has no alarm: the broken deployment goes on.
    let r = ask_with(&mut engine, config, &[], &broken);
    let view = deployment(&r);
    assert!(view.source.contains("default group"), "{}", view.source);
    assert_eq!(view.report.outcome.as_str(), "Succeeded");
    // With the group that names it: its alarms and rollback.
    let r = ask_with(
        &mut engine,
        config,
        &[(1, 1, "deployment-group.json", group_text.as_str())],
        &broken,
    );
    let view = deployment(&r);
    assert!(
        view.source.contains("`deployment-group.json`"),
        "{}",
        view.source
    );
    assert_eq!(view.report.config.config.name, "MyLinear");
    assert_eq!(view.report.outcome.as_str(), "RolledBack");
}
