//! Criterion benchmark of the vision engine on the 1024×1024 fixture JPEG
//! (`jobs::bench::fixture_jpeg_1024`): each pipeline stage on its own (decode, detect,
//! landmarks, age/gender, canonical crop + regions), then whole quick and full analyses of the
//! decoded image (their difference is the masks), and a full analysis from the JPEG's bytes
//! (which adds the JPEG spread). `dermis bench` prints the same stages as
//! p50/p95 from inside real analyses.
//!
//! cargo bench -p jobs --bench analysis

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use jobs::bench::fixture_jpeg_1024;
use jobs::vision::age_gender::AgeGenderNet;
use jobs::vision::blazeface::FaceDetector;
use jobs::vision::decode::decode;
use jobs::vision::face_frame::CanonicalFace;
use jobs::vision::facemesh::FaceMesh;
use jobs::vision::regions::Regions;
use jobs::vision::{Engine, Options};

fn stages(c: &mut Criterion) {
    jobs::allocator::keep_freed_memory();
    let jpeg = fixture_jpeg_1024();
    let img = decode(&jpeg).expect("fixture decodes");
    let detector = FaceDetector::load().expect("detector loads");
    let mesh = FaceMesh::load().expect("mesh loads");
    let age_gender = AgeGenderNet::load().expect("age/gender loads");
    let engine = Engine::load().expect("models load");
    let det = detector.detect(&img).expect("detection").remove(0);
    let first = mesh.landmarks(&img, &det).expect("landmarks");
    let lm = mesh.refine(&img, first.clone()).expect("refined landmarks");

    let mut g = c.benchmark_group("stage");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("decode", |b| b.iter(|| decode(&jpeg).unwrap()));
    g.bench_function("detect", |b| b.iter(|| detector.detect(&img).unwrap()));
    g.bench_function("landmarks", |b| {
        b.iter(|| mesh.landmarks(&img, &det).unwrap())
    });
    g.bench_function("refine", |b| {
        b.iter(|| mesh.refine(&img, first.clone()).unwrap())
    });
    g.bench_function("age", |b| {
        b.iter(|| age_gender.estimate(&img, &first).unwrap())
    });
    g.bench_function("canonical+regions", |b| {
        b.iter(|| Regions::new(&CanonicalFace::new(&img, &lm)))
    });
    g.finish();

    let mut g = c.benchmark_group("analysis");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (kind, with_masks) in [("quick", false), ("full", true)] {
        let opts = Options {
            with_masks,
            ..Default::default()
        };
        g.bench_function(kind, |b| {
            b.iter(|| engine.analyze_image(&img, &opts).unwrap())
        });
    }
    // From the file's bytes, as an upload is analysed: a full analysis of a JPEG at its own size
    // also measures its jpeg_spread (eight more metric passes).
    let full = Options {
        with_masks: true,
        ..Default::default()
    };
    g.bench_function("full from JPEG bytes", |b| {
        b.iter(|| engine.analyze_bytes(&jpeg, &full).unwrap())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
