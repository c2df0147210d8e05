//! What the checker knows about action types: which (category, owner, provider) combinations
//! exist, how many input and output artifacts each takes (reference A4), which configuration
//! keys each reads (A5), the variables a source action produces (A7) and how long a run of each
//! plausibly takes (for the simulator). Plain data, read by the rules and the simulator.

/// An inclusive range of artifact counts; `None` where the reference gives no confirmed bound.
pub type Count = Option<(usize, usize)>;

/// One action type.
#[derive(Debug)]
pub struct ActionType {
    /// `Source`, `Build`, …
    pub category: &'static str,
    /// `AWS`, `ThirdParty` or `Custom`.
    pub owner: &'static str,
    /// The provider.
    pub provider: &'static str,
    /// Input artifacts allowed.
    pub inputs: Count,
    /// Output artifacts allowed.
    pub outputs: Count,
    /// The configuration keys it reads: (required, optional); `None` when the checker does not
    /// know them (then configuration keys are not checked).
    pub keys: Option<(&'static [&'static str], &'static [&'static str])>,
    /// The configuration keys whose values name one of the action's input artifacts (a
    /// `ArtifactName::path` value names the artifact before `::`).
    pub artifact_keys: &'static [&'static str],
    /// The variables the action always produces, when the set is fixed (source actions).
    pub variables: Option<&'static [&'static str]>,
    /// Plausible duration of a run, in seconds (low, high).
    pub duration: (u32, u32),
}

const CODEBUILD_KEYS: (&[&str], &[&str]) = (
    &["ProjectName"],
    &[
        "PrimarySource",
        "BatchEnabled",
        "CombineArtifacts",
        "EnvironmentVariables",
    ],
);

const ECS_BLUE_GREEN_OPTIONAL: &[&str] = &[
    "TaskDefinitionTemplatePath",
    "AppSpecTemplatePath",
    "Image1ArtifactName",
    "Image1ContainerName",
    "Image2ArtifactName",
    "Image2ContainerName",
    "Image3ArtifactName",
    "Image3ContainerName",
    "Image4ArtifactName",
    "Image4ContainerName",
];

/// Every action type the checker knows, AWS's first.
pub static ACTION_TYPES: &[ActionType] = &[
    ActionType {
        category: "Source",
        owner: "AWS",
        provider: "S3",
        inputs: Some((0, 0)),
        outputs: Some((1, 1)),
        keys: Some((
            &["S3Bucket", "S3ObjectKey"],
            &["PollForSourceChanges", "AllowOverrideForS3ObjectKey"],
        )),
        artifact_keys: &[],
        variables: Some(&["ETag", "VersionId"]),
        duration: (5, 15),
    },
    ActionType {
        category: "Source",
        owner: "AWS",
        provider: "CodeCommit",
        inputs: Some((0, 0)),
        outputs: Some((1, 1)),
        keys: Some((
            &["RepositoryName", "BranchName"],
            &["PollForSourceChanges", "OutputArtifactFormat"],
        )),
        artifact_keys: &[],
        variables: Some(&[
            "AuthorDate",
            "BranchName",
            "CommitId",
            "CommitMessage",
            "CommitterDate",
            "RepositoryName",
        ]),
        duration: (5, 20),
    },
    ActionType {
        category: "Source",
        owner: "AWS",
        provider: "ECR",
        inputs: Some((0, 0)),
        outputs: Some((1, 1)),
        keys: Some((&["RepositoryName"], &["ImageTag"])),
        artifact_keys: &[],
        variables: Some(&[
            "ImageDigest",
            "ImageTag",
            "ImageURI",
            "RegistryId",
            "RepositoryName",
        ]),
        duration: (5, 15),
    },
    ActionType {
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        inputs: Some((0, 0)),
        outputs: Some((1, 1)),
        keys: Some((
            &["ConnectionArn", "FullRepositoryId", "BranchName"],
            &["OutputArtifactFormat", "DetectChanges"],
        )),
        artifact_keys: &[],
        variables: Some(&[
            "AuthorDate",
            "BranchName",
            "CommitId",
            "CommitMessage",
            "ConnectionArn",
            "FullRepositoryName",
        ]),
        duration: (10, 30),
    },
    ActionType {
        category: "Build",
        owner: "AWS",
        provider: "CodeBuild",
        inputs: Some((1, 5)),
        outputs: Some((0, 5)),
        keys: Some(CODEBUILD_KEYS),
        artifact_keys: &["PrimarySource"],
        variables: None,
        duration: (120, 600),
    },
    ActionType {
        category: "Test",
        owner: "AWS",
        provider: "CodeBuild",
        inputs: Some((1, 5)),
        outputs: Some((0, 5)),
        keys: Some(CODEBUILD_KEYS),
        artifact_keys: &["PrimarySource"],
        variables: None,
        duration: (60, 480),
    },
    ActionType {
        category: "Build",
        owner: "AWS",
        provider: "ECRBuildAndPublish",
        inputs: None,
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (120, 480),
    },
    ActionType {
        category: "Test",
        owner: "AWS",
        provider: "DeviceFarm",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (300, 900),
    },
    ActionType {
        category: "Approval",
        owner: "AWS",
        provider: "Manual",
        inputs: Some((0, 0)),
        outputs: Some((0, 0)),
        keys: Some((
            &[],
            &["NotificationArn", "CustomData", "ExternalEntityLink"],
        )),
        artifact_keys: &[],
        variables: None,
        duration: (60, 60),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "S3",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: Some((
            &["BucketName", "Extract"],
            &[
                "ObjectKey",
                "KMSEncryptionKeyARN",
                "CannedACL",
                "CacheControl",
            ],
        )),
        artifact_keys: &[],
        variables: None,
        duration: (10, 45),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "CloudFormation",
        inputs: Some((0, 10)),
        outputs: Some((0, 1)),
        keys: Some((
            &["ActionMode", "StackName"],
            &[
                "ChangeSetName",
                "RoleArn",
                "TemplatePath",
                "Capabilities",
                "OutputFileName",
                "ParameterOverrides",
                "TemplateConfiguration",
            ],
        )),
        artifact_keys: &["TemplatePath", "TemplateConfiguration"],
        variables: None,
        duration: (60, 300),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "CodeDeploy",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: Some((&["ApplicationName", "DeploymentGroupName"], &[])),
        artifact_keys: &[],
        variables: None,
        duration: (180, 600),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "ElasticBeanstalk",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: Some((&["ApplicationName", "EnvironmentName"], &[])),
        artifact_keys: &[],
        variables: None,
        duration: (180, 480),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "OpsWorks",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (180, 480),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "ECS",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: Some((
            &["ClusterName", "ServiceName"],
            &["FileName", "DeploymentTimeout"],
        )),
        artifact_keys: &[],
        variables: None,
        duration: (120, 420),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "CodeDeployToECS",
        inputs: Some((1, 5)),
        outputs: Some((0, 0)),
        keys: Some((
            &[
                "ApplicationName",
                "DeploymentGroupName",
                "TaskDefinitionTemplateArtifact",
                "AppSpecTemplateArtifact",
            ],
            ECS_BLUE_GREEN_OPTIONAL,
        )),
        artifact_keys: &[
            "TaskDefinitionTemplateArtifact",
            "AppSpecTemplateArtifact",
            "Image1ArtifactName",
            "Image2ArtifactName",
            "Image3ArtifactName",
            "Image4ArtifactName",
        ],
        variables: None,
        duration: (300, 900),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "ServiceCatalog",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (60, 300),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "AppConfig",
        inputs: Some((1, 1)),
        outputs: Some((0, 0)),
        keys: Some((
            &[
                "Application",
                "Environment",
                "ConfigurationProfile",
                "InputArtifactConfigurationPath",
            ],
            &["DeploymentStrategy"],
        )),
        artifact_keys: &[],
        variables: None,
        duration: (60, 600),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "CloudFormationStackSet",
        inputs: Some((0, 3)),
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: Some(&["OperationId", "StackSetId"]),
        duration: (120, 900),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "CloudFormationStackInstances",
        inputs: Some((0, 3)),
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: Some(&["OperationId", "StackSetId"]),
        duration: (120, 900),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "EKS",
        inputs: None,
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (120, 600),
    },
    ActionType {
        category: "Deploy",
        owner: "AWS",
        provider: "EC2",
        inputs: None,
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (120, 600),
    },
    ActionType {
        category: "Invoke",
        owner: "AWS",
        provider: "Lambda",
        inputs: Some((0, 5)),
        outputs: Some((0, 5)),
        keys: Some((&["FunctionName"], &["UserParameters"])),
        artifact_keys: &[],
        variables: None,
        duration: (5, 60),
    },
    ActionType {
        category: "Invoke",
        owner: "AWS",
        provider: "StepFunctions",
        inputs: Some((0, 1)),
        outputs: Some((0, 1)),
        keys: Some((
            &["StateMachineArn"],
            &["ExecutionNamePrefix", "InputType", "Input"],
        )),
        artifact_keys: &[],
        variables: None,
        duration: (30, 300),
    },
    ActionType {
        category: "Invoke",
        owner: "AWS",
        provider: "InspectorScan",
        inputs: None,
        outputs: None,
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (60, 300),
    },
    ActionType {
        category: "Compute",
        owner: "AWS",
        provider: "Commands",
        inputs: Some((1, 10)),
        outputs: Some((0, 1)),
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (60, 300),
    },
    ActionType {
        category: "Source",
        owner: "ThirdParty",
        provider: "GitHub",
        inputs: Some((0, 0)),
        outputs: Some((1, 1)),
        keys: Some((
            &["Owner", "Repo", "Branch", "OAuthToken"],
            &["PollForSourceChanges"],
        )),
        artifact_keys: &[],
        variables: Some(&[
            "AuthorDate",
            "BranchName",
            "CommitId",
            "CommitMessage",
            "CommitterDate",
            "CommitUrl",
            "RepositoryName",
        ]),
        duration: (10, 30),
    },
    ActionType {
        category: "Deploy",
        owner: "ThirdParty",
        provider: "AlexaSkillsKit",
        inputs: Some((0, 2)),
        outputs: Some((0, 0)),
        keys: None,
        artifact_keys: &[],
        variables: None,
        duration: (60, 300),
    },
];

/// The action type of (category, owner, provider), if the checker knows it.
pub fn action_type(category: &str, owner: &str, provider: &str) -> Option<&'static ActionType> {
    ACTION_TYPES
        .iter()
        .find(|t| t.category == category && t.owner == owner && t.provider == provider)
}

/// The known action types whose provider is `provider` (any category or owner).
pub fn with_provider(provider: &str) -> impl Iterator<Item = &'static ActionType> + use<'_> {
    ACTION_TYPES.iter().filter(move |t| t.provider == provider)
}

/// The known AWS providers of `category`.
pub fn aws_providers(category: &str) -> impl Iterator<Item = &'static str> + use<'_> {
    ACTION_TYPES
        .iter()
        .filter(move |t| t.owner == "AWS" && t.category == category)
        .map(|t| t.provider)
}

/// Plausible duration of a run of an action of this type (seconds); custom and unknown types
/// get a generic range.
pub fn duration(category: Option<&str>, owner: Option<&str>, provider: Option<&str>) -> (u32, u32) {
    match (category, owner, provider) {
        (Some(c), Some(o), Some(p)) => action_type(c, o, p).map(|t| t.duration),
        _ => None,
    }
    .unwrap_or(match category {
        Some("Source") => (5, 30),
        Some("Build") | Some("Test") => (60, 600),
        Some("Deploy") => (60, 600),
        _ => (30, 180),
    })
}

/// The CloudFormation action modes.
pub const ACTION_MODES: &[&str] = &[
    "CHANGE_SET_EXECUTE",
    "CHANGE_SET_REPLACE",
    "CREATE_UPDATE",
    "DELETE_ONLY",
    "REPLACE_ON_FAILURE",
];

/// The CloudFormation capabilities.
pub const CAPABILITIES: &[&str] = &[
    "CAPABILITY_IAM",
    "CAPABILITY_NAMED_IAM",
    "CAPABILITY_AUTO_EXPAND",
];

/// Default timeout of a manual approval, in seconds (7 days).
pub const APPROVAL_TIMEOUT: u64 = 7 * 24 * 3600;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for (i, a) in ACTION_TYPES.iter().enumerate() {
            for b in ACTION_TYPES.iter().skip(i + 1) {
                assert!(
                    (a.category, a.owner, a.provider) != (b.category, b.owner, b.provider),
                    "{} listed twice",
                    a.provider
                );
            }
            assert!(a.duration.0 <= a.duration.1);
            if let Some((lo, hi)) = a.inputs {
                assert!(lo <= hi);
            }
        }
        assert!(action_type("Build", "AWS", "CodeBuild").is_some());
        assert_eq!(aws_providers("Invoke").count(), 3);
    }
}
