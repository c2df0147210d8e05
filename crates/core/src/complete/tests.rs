use super::*;

/// Completions at the `|` of `text`.
fn at(kind: Kind, text: &str) -> Completions {
    at_with(kind, text, &Options::default())
}

fn at_with(kind: Kind, text: &str, options: &Options) -> Completions {
    let offset = text.find('|').expect("cursor");
    let text = text.replacen('|', "", 1);
    complete(kind, &text, offset, options)
}

fn labels(c: &Completions) -> Vec<&str> {
    c.items.iter().map(|i| i.label.as_str()).collect()
}

#[test]
fn buildspec_phases_and_their_keys() {
    let c = at(Kind::Buildspec, "version: 0.2\nphases:\n  |\n");
    assert_eq!(labels(&c), ["build", "install", "post_build", "pre_build"]);
    let install = &c.items[1];
    assert_eq!(install.insert, "install: ");
    assert_eq!(install.kind, ItemKind::Key);
    assert_eq!(install.doc, "install packages and select runtimes");
    assert!(install.rule.is_some());

    // What is typed filters; keys already there are not offered again.
    let c = at(
        Kind::Buildspec,
        "version: 0.2\nphases:\n  build:\n    commands: [x]\n  p|\n",
    );
    assert_eq!(labels(&c), ["post_build", "pre_build"]);
    let c = at(
        Kind::Buildspec,
        "version: 0.2\nphases:\n  install:\n    |\n  build: {}\n",
    );
    assert!(labels(&c).contains(&"runtime-versions"), "{:?}", labels(&c));
    let c = at(Kind::Buildspec, "|");
    assert!(labels(&c).contains(&"phases") && labels(&c).contains(&"version"));
}

#[test]
fn buildspec_values_and_runtimes_of_the_image() {
    let c = at(Kind::Buildspec, "phases:\n  build:\n    on-failure: |\n");
    assert_eq!(labels(&c), ["ABORT", "CONTINUE", "RETRY"]);
    assert!(
        c.items
            .iter()
            .all(|i| i.rule.is_some() && !i.doc.is_empty())
    );

    let options = Options {
        buildspec: crate::buildspec::Options {
            image: Some("aws/codebuild/standard:8.0".into()),
        },
        ..Options::default()
    };
    let text = "phases:\n  install:\n    runtime-versions:\n      |\n";
    let c = at_with(Kind::Buildspec, text, &options);
    assert!(labels(&c).contains(&"rust"), "{:?}", labels(&c));
    assert!(!labels(&c).contains(&"android"));
    let text = "phases:\n  install:\n    runtime-versions:\n      nodejs: |\n";
    let c = at_with(Kind::Buildspec, text, &options);
    assert_eq!(labels(&c), ["22", "24"]);
}

#[test]
fn appspec_hooks_per_platform() {
    let ec2 = "version: 0.0\nos: linux\nhooks:\n  Before|\n";
    assert_eq!(
        labels(&at(Kind::Appspec, ec2)),
        ["BeforeInstall", "BeforeBlockTraffic", "BeforeAllowTraffic"]
    );
    let ecs = "version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\nhooks:\n  - |\n";
    let c = at(Kind::Appspec, ecs);
    assert!(
        labels(&c).contains(&"AfterAllowTestTraffic"),
        "{:?}",
        labels(&c)
    );
    assert!(!labels(&c).contains(&"ApplicationStop"));
}

#[test]
fn trust_policy_operators_keys_and_values() {
    let c = at(
        Kind::TrustPolicy,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "|"}]}"#,
    );
    assert_eq!(labels(&c), ["Allow", "Deny"]);
    assert_eq!(c.items[0].insert, "Allow");
    let c = at(
        Kind::TrustPolicy,
        r#"{"Statement": [{"Effect": "Allow", "Condition": {"StringL|"#,
    );
    assert_eq!(labels(&c), ["StringLike"]);
    let c = at(
        Kind::TrustPolicy,
        r#"{"Statement": [{"Condition": {"StringLike": {"token|"#,
    );
    assert!(labels(&c).contains(&"token.actions.githubusercontent.com:sub"));
    // A key typed in quotes: accepting it closes them and adds the colon, unless one follows.
    let text = r#"{"Version": "2012-10-17", "Sta|"}"#;
    let c = at(Kind::TrustPolicy, text);
    assert_eq!(c.items[0].insert, "Statement\": ");
    assert_eq!(c.to, text.len() - 2);
    let c = at(
        Kind::TrustPolicy,
        r#"{"Version": "2012-10-17", "Sta|": []}"#,
    );
    assert_eq!(c.items[0].insert, "Statement");
    let c = at(Kind::TrustPolicy, r#"{"Version": "2012-10-17", |}"#);
    assert!(labels(&c).contains(&"Statement") && !labels(&c).contains(&"Version"));
    assert_eq!(
        c.items
            .iter()
            .find(|i| i.label == "Statement")
            .map(|i| i.insert.as_str()),
        Some("\"Statement\": ")
    );
}

#[test]
fn pipeline_configuration_keys_of_the_provider() {
    let text = r#"{"pipeline": {"name": "p", "stages": [{"name": "Build", "actions": [{"name": "b", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}, "configuration": {"|"}}]}]}}"#;
    let c = at(Kind::Pipeline, text);
    assert!(labels(&c).contains(&"ProjectName"), "{:?}", labels(&c));
    let text = r#"{"pipeline": {"stages": [{"actions": [{"actionTypeId": {"category": "Build", "provider": "|"}}]}]}}"#;
    let c = at(Kind::Pipeline, text);
    assert!(
        labels(&c).contains(&"CodeBuild") && !labels(&c).contains(&"S3"),
        "{:?}",
        labels(&c)
    );
    // The owner written narrows the providers: AlexaSkillsKit is a third party's.
    let text = r#"{"pipeline": {"stages": [{"actions": [{"actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "|"}}]}]}}"#;
    let c = at(Kind::Pipeline, text);
    assert!(
        labels(&c).contains(&"CodeDeploy") && !labels(&c).contains(&"AlexaSkillsKit"),
        "{:?}",
        labels(&c)
    );
    let text = text.replace("\"AWS\"", "\"ThirdParty\"");
    assert_eq!(labels(&at(Kind::Pipeline, &text)), ["AlexaSkillsKit"]);
    let c = at(Kind::Pipeline, "pipeline:\n  executionMode: |\n");
    assert_eq!(labels(&c), ["QUEUED", "SUPERSEDED", "PARALLEL"]);
}

#[test]
fn deployment_group_config_names() {
    let c = at(
        Kind::DeploymentGroup,
        r#"{"applicationName": "a", "deploymentConfigName": "CodeDeployDefault.Lambda|"}"#,
    );
    assert!(
        labels(&c).contains(&"CodeDeployDefault.LambdaAllAtOnce"),
        "{:?}",
        labels(&c)
    );
}

#[test]
fn hover_shows_a_keys_doc() {
    let text = "version: 0.2\nphases:\n  install:\n    commands: [x]\n";
    let h = hover(
        Kind::Buildspec,
        text,
        text.find("install").unwrap() + 2,
        &Options::default(),
    )
    .expect("a hover");
    assert_eq!(h.key, "install");
    assert_eq!(h.doc, "install packages and select runtimes");
    assert_eq!(&text[h.from..h.to], "install");
    assert!(h.url().is_some_and(|u| u.starts_with(DOCS_BASE_URL)));
    // Not on a key: nothing.
    assert!(
        hover(
            Kind::Buildspec,
            text,
            text.find("[x]").unwrap() + 1,
            &Options::default()
        )
        .is_none()
    );
    let json = r#"{"Version": "2012-10-17", "Statement": []}"#;
    let h = hover(Kind::TrustPolicy, json, 4, &Options::default()).expect("a hover");
    assert_eq!(h.key, "Version");
    assert!(h.doc.contains("2012-10-17"));
    let ec2 = "version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: x.sh\n";
    let h = hover(
        Kind::Appspec,
        ec2,
        ec2.find("BeforeInstall").unwrap(),
        &Options::default(),
    )
    .expect("a hook's hover");
    assert!(h.doc.contains("lifecycle event"));
}

#[test]
fn task_definition_keys_at_each_level() {
    let c = at(Kind::TaskDefinition, "{\n  \"fam|\n}\n");
    assert_eq!(labels(&c), ["family"]);
    assert!(c.items[0].rule.is_some() && !c.items[0].doc.is_empty());
    let text = "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"web\", \"port|\"}]}";
    let c = at(Kind::TaskDefinition, text);
    assert_eq!(labels(&c), ["portMappings"]);
    let text = "{\"family\": \"web\", \"containerDefinitions\": [{\"portMappings\": [{\"|\"}]}]}";
    let c = at(Kind::TaskDefinition, text);
    assert!(labels(&c).contains(&"containerPort"), "{:?}", labels(&c));
    // `describe-task-definition` output: the definition's keys under `taskDefinition`.
    let text = "{\"taskDefinition\": {\"containerDefinitions\": [{\"ess|\"}]}}";
    let c = at(Kind::TaskDefinition, text);
    assert_eq!(labels(&c), ["essential"]);
    // The closed sets ECS022 checks.
    let c = at(Kind::TaskDefinition, "{\"networkMode\": \"|\"}");
    assert_eq!(labels(&c), ["awsvpc", "bridge", "host", "none"]);
    let text = "{\"requiresCompatibilities\": [\"FAR|\"]}";
    assert_eq!(labels(&at(Kind::TaskDefinition, text)), ["FARGATE"]);
}

#[test]
fn closed_words_of_custom_values() {
    let c = at(
        Kind::Appspec,
        "version: 0.0\nos: |\nfiles:\n  - source: /\n    destination: /srv\n",
    );
    assert_eq!(labels(&c), ["linux", "windows"]);
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "|"}]}"#;
    let c = at(Kind::TrustPolicy, policy);
    assert!(
        labels(&c).contains(&"sts:AssumeRoleWithWebIdentity")
            && labels(&c).contains(&"sts:TagSession"),
        "{:?}",
        labels(&c)
    );
}
