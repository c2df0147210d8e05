//! Runtime versions preinstalled on CodeBuild's curated images, from `aws/aws-codebuild-docker-
//! images` (`*/runtimes.yml`, HEAD 2026-04-09), as recorded in our reference (part A9).

/// A curated CodeBuild image and the runtime versions it has preinstalled.
#[derive(Debug)]
pub struct Image {
    /// Image identifier without the `aws/codebuild/` prefix (`standard:7.0`).
    pub id: &'static str,
    /// Whether AWS lists the image as actively maintained.
    pub maintained: bool,
    /// Windows images do not support `runtime-versions`.
    pub windows: bool,
    /// Runtime name → preinstalled versions, as written in `runtime-versions`.
    pub runtimes: &'static [(&'static str, &'static [&'static str])],
}

const JAVA_ALL: &[&str] = &[
    "corretto8",
    "corretto11",
    "corretto17",
    "corretto21",
    "corretto25",
];
const GO_120_126: &[&str] = &["1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26"];
const PY_39_314: &[&str] = &["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];
const PHP_82_85: &[&str] = &["8.2", "8.3", "8.4", "8.5"];

/// The curated images we know, maintained ones first.
pub static IMAGES: &[Image] = &[
    Image {
        id: "standard:7.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", GO_120_126),
            ("python", PY_39_314),
            ("nodejs", &["18", "20", "22", "24"]),
            ("ruby", &["3.1", "3.2", "3.3", "3.4", "4.0"]),
            ("php", PHP_82_85),
            ("dotnet", &["6.0", "8.0", "10.0"]),
        ],
    },
    Image {
        id: "standard:8.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", &["1.24", "1.25", "1.26"]),
            ("python", &["3.10", "3.11", "3.12", "3.13", "3.14"]),
            ("nodejs", &["22", "24"]),
            ("ruby", &["3.3", "3.4", "4.0"]),
            ("php", PHP_82_85),
            ("dotnet", &["8.0", "10.0"]),
            ("rust", &["1.93"]),
        ],
    },
    Image {
        id: "amazonlinux-x86_64-standard:5.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", GO_120_126),
            ("python", PY_39_314),
            ("nodejs", &["18", "20", "22", "24"]),
            ("ruby", &["3.1", "3.2", "3.3", "3.4", "4.0"]),
            ("php", PHP_82_85),
            ("dotnet", &["6.0", "8.0", "10.0"]),
        ],
    },
    Image {
        id: "amazonlinux-x86_64-standard:6.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", &["1.24", "1.25", "1.26"]),
            ("python", &["3.10", "3.11", "3.12", "3.13", "3.14"]),
            ("nodejs", &["22", "24"]),
            ("ruby", &["3.3", "3.4", "4.0"]),
            ("php", PHP_82_85),
            ("dotnet", &["8.0", "10.0"]),
            ("rust", &["1.93"]),
        ],
    },
    Image {
        id: "amazonlinux-aarch64-standard:3.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", GO_120_126),
            ("python", PY_39_314),
            ("nodejs", &["18", "20", "22", "24"]),
            ("ruby", &["3.1", "3.2", "3.3", "3.4", "4.0"]),
            ("php", &["8.1", "8.2", "8.3", "8.4", "8.5"]),
            ("dotnet", &["6.0", "8.0", "10.0"]),
            ("rust", &["1.94"]),
            ("docker", &["23"]),
        ],
    },
    Image {
        id: "amazonlinux-aarch64-standard:4.0",
        maintained: true,
        windows: false,
        runtimes: &[
            ("java", JAVA_ALL),
            ("golang", &["1.24", "1.25", "1.26"]),
            ("python", &["3.10", "3.11", "3.12", "3.13", "3.14"]),
            ("nodejs", &["22", "24"]),
            ("ruby", &["3.3", "3.4", "4.0"]),
            ("php", PHP_82_85),
            ("dotnet", &["8.0", "10.0"]),
            ("rust", &["1.94"]),
            ("docker", &["23"]),
        ],
    },
    Image {
        id: "standard:6.0",
        maintained: false,
        windows: false,
        runtimes: &[
            ("java", &["corretto17"]),
            ("golang", &["1.18"]),
            ("python", &["3.10"]),
            ("nodejs", &["16"]),
            ("ruby", &["3.1"]),
            ("php", &["8.1"]),
            ("dotnet", &["6.0"]),
        ],
    },
    Image {
        id: "standard:5.0",
        maintained: false,
        windows: false,
        runtimes: &[
            ("java", &["corretto8", "corretto11"]),
            ("golang", &["1.15", "1.16"]),
            ("python", &["3.7", "3.8", "3.9"]),
            ("nodejs", &["12", "14"]),
            ("ruby", &["2.6", "2.7"]),
            ("php", &["7.3", "7.4", "8.0"]),
            ("dotnet", &["3.1", "5.0"]),
        ],
    },
    Image {
        id: "amazonlinux2-x86_64-standard:4.0",
        maintained: false,
        windows: false,
        runtimes: &[
            ("java", &["corretto17"]),
            ("golang", &["1.18"]),
            ("python", &["3.9"]),
            ("nodejs", &["16"]),
            ("ruby", &["3.1"]),
            ("php", &["8.1"]),
            ("dotnet", &["6.0"]),
            ("docker", &["20"]),
        ],
    },
    Image {
        id: "amazonlinux2-aarch64-standard:2.0",
        maintained: false,
        windows: false,
        runtimes: &[
            ("java", &["corretto8", "corretto11"]),
            ("golang", &["1.12", "1.13", "1.14"]),
            ("python", &["3.7", "3.8", "3.9"]),
            ("nodejs", &["10", "12"]),
            ("ruby", &["2.6", "2.7"]),
            ("php", &["7.3", "7.4"]),
            ("dotnet", &["3.1"]),
            ("docker", &["19"]),
        ],
    },
    Image {
        id: "windows-base:2019-1.0",
        maintained: false,
        windows: true,
        runtimes: &[],
    },
    Image {
        id: "windows-base:2019-2.0",
        maintained: false,
        windows: true,
        runtimes: &[],
    },
];

/// Runtime names CodeBuild knows on some curated image.
pub const RUNTIME_NAMES: &[&str] = &[
    "android", "docker", "dotnet", "golang", "java", "nodejs", "php", "python", "ruby", "rust",
];

/// Finds an image by identifier, with or without the `aws/codebuild/` prefix.
pub fn find_image(id: &str) -> Option<&'static Image> {
    let id = id.trim().trim_start_matches("aws/codebuild/");
    IMAGES.iter().find(|i| i.id == id)
}

impl Image {
    /// The preinstalled versions of `runtime`, if the image has it.
    pub fn versions(&self, runtime: &str) -> Option<&'static [&'static str]> {
        self.runtimes
            .iter()
            .find(|(n, _)| *n == runtime)
            .map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The images AWS lists as maintained (reference A9: standard 7.0/8.0, AL2023 x86 5.0/6.0,
    /// aarch64 3.0/4.0) can all be chosen, and none other is marked maintained.
    #[test]
    fn the_maintained_images_are_all_known() {
        let maintained: Vec<&str> = IMAGES
            .iter()
            .filter(|i| i.maintained)
            .map(|i| i.id)
            .collect();
        assert_eq!(
            maintained,
            [
                "standard:7.0",
                "standard:8.0",
                "amazonlinux-x86_64-standard:5.0",
                "amazonlinux-x86_64-standard:6.0",
                "amazonlinux-aarch64-standard:3.0",
                "amazonlinux-aarch64-standard:4.0",
            ]
        );
        let arm = find_image("aws/codebuild/amazonlinux-aarch64-standard:4.0").expect("known");
        let has = |img: &Image, runtime: &str, version: &str| {
            img.runtimes
                .iter()
                .any(|(r, v)| *r == runtime && v.contains(&version))
        };
        assert!(has(arm, "rust", "1.94") && has(arm, "docker", "23"));
        assert!(!has(arm, "python", "3.9"));
        let x86 = find_image("amazonlinux-x86_64-standard:6.0").expect("known");
        assert!(has(x86, "rust", "1.93") && !has(x86, "nodejs", "20"));
        assert!(find_image("amazonlinux2-aarch64-standard:2.0").is_some_and(|i| !i.maintained));
    }
}
