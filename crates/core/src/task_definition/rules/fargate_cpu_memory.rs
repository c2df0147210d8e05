//! ECS032 fargate-cpu-memory.

use super::Cx;
use super::helpers::fargate;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a task definition that requires Fargate and lacks the task-level `cpu` or
    /// `memory`, or whose pair is not one of Fargate's sizes: 256 CPU units with 512, 1024 or
    /// 2048 MiB; 512 with 1–4 GB; 1024 with 2–8 GB; 2048 with 4–16 GB and 4096 with 8–30 GB in
    /// 1 GB steps; 8192 with 16–60 GB in 4 GB steps; 16384 with 32–120 GB in 8 GB steps.
    /// Values such as `"1 vCPU"` and `"2 GB"` are read as ECS converts them. Values it cannot
    /// read (a parameter, a template expression) are not judged.
    ///
    /// ## Why is this bad?
    /// For a definition that names `FARGATE` in `requiresCompatibilities` (even with `EC2`),
    /// both are required and "you must use one of the values" of that table: ECS refuses the
    /// registration otherwise ("Invalid 'cpu' setting for task.", or "No Fargate configuration
    /// exists for given values."). 256 CPU units with 4 GB — more memory than a quarter vCPU
    /// may have — is a common slip.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["FARGATE"],
    ///   "networkMode": "awsvpc",
    ///   "cpu": "256",
    ///   "memory": "4096",
    ///   "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>"}]
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "family": "web",
    ///   "requiresCompatibilities": ["FARGATE"],
    ///   "networkMode": "awsvpc",
    ///   "cpu": "512",
    ///   "memory": "4096",
    ///   "containerDefinitions": [{"name": "web", "image": "<IMAGE1_NAME>"}]
    /// }
    /// ```
    ///
    /// ## References
    /// - Invalid CPU or memory errors (the table of sizes): <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html>
    /// - RegisterTaskDefinition, `cpu` and `memory`: <https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>
    code: "ECS032", name: "fargate-cpu-memory", severity: Error
}

/// The memory sizes (MiB) Fargate offers with `cpu` units: (first, last, step).
fn memory_range(cpu: u64) -> Option<(u64, u64, u64)> {
    Some(match cpu {
        256 => (512, 2048, 512),
        512 => (1024, 4096, 1024),
        1024 => (2048, 8192, 1024),
        2048 => (4096, 16384, 1024),
        4096 => (8192, 30720, 1024),
        8192 => (16384, 61440, 4096),
        16384 => (32768, 122880, 8192),
        _ => return None,
    })
}

/// Whether Fargate offers `memory` MiB with `cpu` units (256 units: 512, 1024 or 2048).
fn fargate_size(cpu: u64, memory: u64) -> bool {
    memory_range(cpu).is_some_and(|(first, last, step)| {
        (first..=last).contains(&memory) && (memory - first).is_multiple_of(step) && (cpu != 256 || memory != 1536)
    })
}

/// A value as ECS converts it: a whole number, or a number followed by `unit` (`vCPU`, `GB`)
/// times 1024. `None` for anything else.
fn units(text: &str, unit: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(n) = t.parse::<u64>() {
        return Some(n);
    }
    let number = t
        .len()
        .checked_sub(unit.len())
        .and_then(|at| t.get(at..).filter(|u| u.eq_ignore_ascii_case(unit)).and(t.get(..at)))?
        .trim();
    let value: f64 = number.parse().ok()?;
    let scaled = value * 1024.0;
    (value.is_finite() && value > 0.0 && scaled.fract() == 0.0 && scaled <= 1e9).then_some(scaled as u64)
}

/// One report: a missing value at `FARGATE`, a size Fargate does not offer at `memory` (or
/// `cpu` when it is not one of Fargate's).
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
    let model = cx.model;
    let Some(fargate) = fargate(model) else {
        return;
    };
    if model.described {
        return;
    }
    let (cpu, memory) = match (&model.cpu, &model.memory) {
        (Some(c), Some(m)) => (c, m),
        (c, m) => {
            let missing = match (c, m) {
                (None, None) => "`cpu` and `memory`",
                (None, _) => "`cpu`",
                _ => "`memory`",
            };
            out.push(
                RULE.at(fargate.span, format!("a Fargate task definition needs the task-level {missing}"))
                    .with_help("add `\"cpu\"` and `\"memory\"` at the top level, for example `\"cpu\": \"256\"` and `\"memory\": \"512\"`"),
            );
            return;
        }
    };
    let (Some(units_cpu), Some(mib)) = (units(&cpu.value, "vcpu"), units(&memory.value, "gb")) else {
        return;
    };
    if memory_range(units_cpu).is_none() {
        out.push(
            RULE.at(cpu.span, format!("Fargate offers no task with {units_cpu} CPU units"))
                .with_label(fargate.span, "the task requires Fargate here")
                .with_help("use 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units (0.25 to 16 vCPU)"),
        );
        return;
    }
    if fargate_size(units_cpu, mib) {
        return;
    }
    let offered = match memory_range(units_cpu) {
        Some((512, 2048, _)) => "512, 1024 or 2048 MiB".to_string(),
        Some((first, last, step)) => format!("{first} to {last} MiB in steps of {step}"),
        None => String::new(),
    };
    let fits: Vec<String> = [256u64, 512, 1024, 2048, 4096, 8192, 16384]
        .into_iter()
        .filter(|&c| fargate_size(c, mib))
        .map(|c| c.to_string())
        .collect();
    let help = if fits.is_empty() {
        format!("with {units_cpu} CPU units, choose {offered}")
    } else {
        format!("with {units_cpu} CPU units, choose {offered}; {mib} MiB goes with {} CPU units", fits.join(" or "))
    };
    out.push(
        RULE.at(memory.span, format!("Fargate offers no task with {units_cpu} CPU units and {mib} MiB of memory"))
            .with_label(cpu.span, "CPU units")
            .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_the_units() {
        assert!(fargate_size(256, 512) && fargate_size(256, 2048) && !fargate_size(256, 1536));
        assert!(!fargate_size(256, 4096) && fargate_size(512, 4096) && !fargate_size(512, 4608));
        assert!(fargate_size(4096, 30720) && !fargate_size(4096, 31744));
        assert!(fargate_size(8192, 20480) && !fargate_size(8192, 18432));
        assert!(fargate_size(16384, 122880) && !fargate_size(16384, 36864));
        assert!(!fargate_size(300, 1024));
        assert_eq!(units("1 vCPU", "vcpu"), Some(1024));
        assert_eq!(units(".25 vcpu", "vcpu"), Some(256));
        assert_eq!(units("0.5GB", "gb"), Some(512));
        assert_eq!(units("2 GB", "gb"), Some(2048));
        assert_eq!(units("512", "gb"), Some(512));
        assert_eq!(units("${Memory}", "gb"), None);
        assert_eq!(units("1e308 GB", "gb"), None);
    }
}
