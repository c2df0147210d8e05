//! Simulation speed of the largest deployments: 10,000 instances in place (all at once, half at a
//! time, and one at a time up to CodeDeploy's 8-hour limit), 10,000 instances blue/green, and a
//! 48-hour linear traffic shift with a one-minute alarm watching it. Run with
//! `cargo bench -p cicd-core --bench deployment`.

use std::hint::black_box;

use cicd_core::appspec::Platform;
use cicd_core::deployment::group::{RollbackEvent, StyleType};
use cicd_core::deployment::simulate::Fault;
use cicd_core::deployment::{Config, Group, Scenario, TrafficRouting, simulate};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let watched = Group {
        alarms_enabled: true,
        alarms: vec!["HighErrorRate".to_string()],
        rollback_enabled: true,
        rollback_events: RollbackEvent::ALL.to_vec(),
        ..Group::default()
    };
    let fleet = Scenario {
        instances: 10_000,
        faults: vec![Fault::RandomInstanceFailures { percent: 1.0 }],
        ..Scenario::default()
    };
    let mut group = c.benchmark_group("deployment");
    for name in ["AllAtOnce", "HalfAtATime", "OneAtATime"] {
        let config = Config::predefined(name).expect("predefined");
        group.bench_function(format!("in-place-10000-{name}"), |b| {
            b.iter(|| simulate(black_box(&config), &watched, None, black_box(&fleet)))
        });
    }
    let blue_green = Group {
        deployment_type: Some(StyleType::BlueGreen),
        load_balancer: true,
        ..watched.clone()
    };
    let half = Config::predefined("HalfAtATime").expect("predefined");
    group.bench_function("blue-green-10000-HalfAtATime", |b| {
        b.iter(|| simulate(black_box(&half), &blue_green, None, black_box(&fleet)))
    });
    // 1 % every 29 minutes: 100 increments over 2,871 minutes, the longest shift allowed.
    let linear = Config {
        name: "Linear1PercentEvery29Minutes".to_string(),
        platform: Platform::Lambda,
        predefined: false,
        minimum_healthy_hosts: None,
        traffic_routing: Some(TrafficRouting::Linear {
            percentage: 1,
            interval_minutes: 29,
        }),
        zonal: None,
    };
    let late_fault = Scenario {
        faults: vec![Fault::ErrorRate {
            percent: 20.0,
            at: 47 * 3600,
        }],
        ..Scenario::default()
    };
    group.bench_function("lambda-linear-48h-alarm-rollback", |b| {
        b.iter(|| simulate(black_box(&linear), &watched, None, black_box(&late_fault)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
