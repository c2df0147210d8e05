//! Time to check each hostile input of the robustness suite (`tests/common/hostile.rs`: alias
//! bombs, 100,000-deep nesting, 20 MB, invalid UTF-8, control characters, long lines and keys,
//! huge numbers, binary, empty and comment-only files), as a YAML kind (buildspec), a YAML-or-JSON
//! kind (pipeline) and a JSON kind (trust policy). Run with `cargo bench -p cicd-core --bench
//! hostile`.

use std::hint::black_box;

use cicd_core::{Kind, Options};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/common/hostile.rs"]
mod hostile;

fn hostile_inputs(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, bytes) in hostile::inputs() {
        for kind in [Kind::Buildspec, Kind::Pipeline, Kind::TrustPolicy] {
            group.bench_function(format!("{name}/{}", kind.id()), |b| {
                b.iter(|| cicd_core::check_bytes(kind, black_box(&bytes), &options))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, hostile_inputs);
criterion_main!(benches);
