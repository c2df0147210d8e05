//! `batch`: build types, task identifiers, dependencies, compute settings.

use std::collections::HashMap;

use crate::buildspec::Ctx;
use crate::declare_rule;
use crate::source::{Node, Span};

declare_rule! {
    /// ## What it does
    /// Warns when `batch` has none, or more than one, of `build-graph`, `build-list`,
    /// `build-matrix` and `build-fanout`.
    ///
    /// ## Why is this bad?
    /// The reference presents the four batch types as alternatives: a batch runs one of them.
    /// With none there is nothing to run; with several it is not documented which one CodeBuild
    /// uses, hence a warning.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: linux
    ///   build-fanout:
    ///     parallelism: 4
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-fanout:
    ///     parallelism: 4
    /// phases:
    ///   build:
    ///     commands:
    ///       - make test
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static BATCH_TYPE_COUNT = { code: "BS050", name: "batch-type-count", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports a `build-graph` or `build-list` task without `identifier`.
    ///
    /// ## Why is this bad?
    /// `identifier` is required: it names the task (exposed to it as
    /// `CODEBUILD_BATCH_BUILD_IDENTIFIER`) and is what `depend-on` refers to.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - buildspec: buildspec-linux.yml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: linux
    ///       buildspec: buildspec-linux.yml
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static MISSING_BATCH_IDENTIFIER = { code: "BS051", name: "missing-batch-identifier", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports two batch tasks with the same `identifier`, with a label on the first.
    ///
    /// ## Why is this bad?
    /// Identifiers name the builds of a batch; `depend-on` could not tell the two apart.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: test
    ///     - identifier: test
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: test_unit
    ///     - identifier: test_integration
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static DUPLICATE_BATCH_IDENTIFIER = { code: "BS052", name: "duplicate-batch-identifier", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `depend-on` entry naming no task of the `build-graph`.
    ///
    /// ## Why is this bad?
    /// The task waits for a build that does not exist, so the batch cannot be scheduled.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: build
    ///     - identifier: deploy
    ///       depend-on:
    ///         - biuld
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: build
    ///     - identifier: deploy
    ///       depend-on:
    ///         - build
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `depend-on`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static UNKNOWN_BATCH_DEPENDENCY = { code: "BS053", name: "unknown-batch-dependency", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports `depend-on` entries that form a cycle (a task that, through its dependencies,
    /// waits for itself).
    ///
    /// ## Why is this bad?
    /// No task of the cycle can ever start, so the batch never finishes.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: a
    ///       depend-on: [b]
    ///     - identifier: b
    ///       depend-on: [a]
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-graph:
    ///     - identifier: a
    ///     - identifier: b
    ///       depend-on: [a]
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `depend-on`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static BATCH_DEPENDENCY_CYCLE = { code: "BS054", name: "batch-dependency-cycle", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a batch task whose `env` sets both `compute-type` and `fleet`.
    ///
    /// ## Why is this bad?
    /// A task runs either on on-demand compute of a type or on a reserved-capacity fleet; the
    /// batch build reference says the two must not appear together.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: big
    ///       env:
    ///         compute-type: BUILD_GENERAL1_LARGE
    ///         fleet: my-fleet
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: big
    ///       env:
    ///         fleet: my-fleet
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Batch build buildspec reference, `env`: <https://docs.aws.amazon.com/codebuild/latest/userguide/batch-build-buildspec.html>
    pub static COMPUTE_TYPE_WITH_FLEET = { code: "BS055", name: "compute-type-with-fleet", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `compute-type` that is not one of CodeBuild's compute types
    /// (`BUILD_GENERAL1_SMALL` … `BUILD_GENERAL1_2XLARGE`, `BUILD_LAMBDA_1GB` …
    /// `BUILD_LAMBDA_10GB`, `ATTRIBUTE_BASED_COMPUTE`, `CUSTOM_INSTANCE_TYPE`).
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot start the task. (One documentation example uses `ARM_LAMBDA_1GB`, which
    /// is not in the API: ARM Lambda builds use `BUILD_LAMBDA_1GB` with the
    /// `ARM_LAMBDA_CONTAINER` environment type.)
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: small
    ///       env:
    ///         compute-type: BUILD_GENERAL_SMALL
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: small
    ///       env:
    ///         compute-type: BUILD_GENERAL1_SMALL
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - CodeBuild API, `ComputeType`: <https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html>
    /// - Compute modes and types: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html>
    pub static INVALID_COMPUTE_TYPE = { code: "BS056", name: "invalid-compute-type", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports an environment `type` that is not one of CodeBuild's environment types
    /// (`LINUX_CONTAINER`, `ARM_CONTAINER`, `LINUX_GPU_CONTAINER`, `WINDOWS_SERVER_2019_CONTAINER`,
    /// `LINUX_LAMBDA_CONTAINER`, …).
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot start the task.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: arm
    ///       env:
    ///         type: ARM64_CONTAINER
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// batch:
    ///   build-list:
    ///     - identifier: arm
    ///       env:
    ///         type: ARM_CONTAINER
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - CodeBuild API, `EnvironmentType`: <https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectEnvironment.html>
    pub static INVALID_ENVIRONMENT_TYPE = { code: "BS057", name: "invalid-environment-type", severity: Error };
}

/// BS050 and BS052–BS055.
pub(crate) fn batch(cx: &mut Ctx<'_>) {
    let Some(pair) = cx.root.entry("batch") else {
        return;
    };
    let batch = &pair.value;
    let Some(map) = batch.map() else {
        return;
    };
    let types: Vec<&str> = ["build-graph", "build-list", "build-matrix", "build-fanout"]
        .into_iter()
        .filter(|t| batch.get(t).is_some())
        .collect();
    if map.complete && types.len() != 1 {
        let message = if types.is_empty() {
            "`batch` defines no build: add one of build-graph, build-list, build-matrix or build-fanout".to_string()
        } else {
            format!(
                "`batch` defines {} build types ({}); a batch runs one",
                types.len(),
                types.join(", ")
            )
        };
        cx.push(BATCH_TYPE_COUNT.at(pair.key.span, message).with_help(
            "keep exactly one of build-graph, build-list, build-matrix and build-fanout",
        ));
    }
    for list in ["build-graph", "build-list"] {
        let tasks = batch.get(list).map(Node::items).unwrap_or(&[]);
        identifiers(cx, tasks);
        for task in tasks {
            if let Some(env) = task.get("env")
                && let (Some(ct), Some(fleet)) = (env.entry("compute-type"), env.entry("fleet"))
            {
                cx.push(
                    COMPUTE_TYPE_WITH_FLEET
                        .at(fleet.key.span, "a batch task cannot set both `compute-type` and `fleet`")
                        .with_label(ct.key.span, "`compute-type` set here")
                        .with_help("keep `fleet` to run on reserved capacity, or `compute-type` for on-demand compute"),
                );
            }
        }
        if list == "build-graph" {
            dependencies(cx, tasks);
        }
    }
}

fn identifiers(cx: &mut Ctx<'_>, tasks: &[Node]) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for task in tasks {
        let Some(id) = task.get("identifier") else {
            continue;
        };
        let Some(name) = id.as_str() else { continue };
        if let Some(first) = seen.get(name) {
            cx.push(
                DUPLICATE_BATCH_IDENTIFIER
                    .at(id.span, format!("duplicate batch identifier `{name}`"))
                    .with_label(*first, format!("`{name}` first used here"))
                    .with_help("give every task of the batch its own identifier"),
            );
        } else {
            seen.insert(name, id.span);
        }
    }
}

fn dependencies(cx: &mut Ctx<'_>, tasks: &[Node]) {
    let ids: Vec<&str> = tasks
        .iter()
        .filter_map(|t| t.get("identifier").and_then(Node::as_str))
        .collect();
    // Edges task → dependency, with the span of the `depend-on` item.
    let mut edges: HashMap<&str, Vec<(&str, Span)>> = HashMap::new();
    for task in tasks {
        let Some(id) = task.get("identifier").and_then(Node::as_str) else {
            continue;
        };
        for dep in task.get("depend-on").map(Node::items).unwrap_or(&[]) {
            let Some(name) = dep.as_str() else { continue };
            if ids.contains(&name) {
                edges.entry(id).or_default().push((name, dep.span));
            } else {
                let mut d = UNKNOWN_BATCH_DEPENDENCY.at(
                    dep.span,
                    format!("`{name}` is not the identifier of a task in build-graph"),
                );
                if let Some(s) = crate::suggest::did_you_mean(name, ids.iter().copied()) {
                    d = d.with_help(format!("did you mean `{s}`?")).with_fix(
                        format!("replace with `{s}`"),
                        dep.span,
                        s,
                    );
                } else {
                    d = d.with_help(format!("identifiers in this graph: {}", ids.join(", ")));
                }
                cx.push(d);
            }
        }
    }
    // Iterative depth-first search; each cycle is reported once, at the edge that closes it.
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on the stack, 2 = done
    for &start in &ids {
        if state.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        let mut path: Vec<&str> = vec![start];
        state.insert(start, 1);
        while let Some((node, next)) = stack.last().copied() {
            let out = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&(dep, span)) = out.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match state.get(dep) {
                    Some(1) => {
                        let from = path.iter().position(|p| *p == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = path.get(from..).unwrap_or(&[]).to_vec();
                        cycle.push(dep);
                        cx.push(
                            BATCH_DEPENDENCY_CYCLE
                                .at(span, format!("dependency cycle: {}", cycle.join(" → ")))
                                .with_help("no task of a cycle can start; remove one of these dependencies"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        state.insert(dep, 1);
                        stack.push((dep, 0));
                        path.push(dep);
                    }
                }
            } else {
                state.insert(node, 2);
                stack.pop();
                path.pop();
            }
        }
    }
}
