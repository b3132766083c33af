//! Per-function timing of the metric stages on the 1024×1024 astronaut (mean of N runs), to find
//! hot spots. cargo run --release --example profile_stages -- [runs]

use std::time::Instant;

use jobs::vision::age_gender::AgeGenderNet;
use jobs::vision::blazeface::FaceDetector;
use jobs::vision::face_frame::CanonicalFace;
use jobs::vision::facemesh::FaceMesh;
use jobs::vision::metrics::{
    acne, dark_circles, oiliness, pores, redness, texture, tone, wrinkles,
};
use jobs::vision::regions::Regions;

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
    let t = Instant::now();
    let mut out = f();
    for _ in 1..runs {
        out = f();
    }
    println!(
        "{label:<14} {:>7.2} ms",
        t.elapsed().as_secs_f64() * 1e3 / runs as f64
    );
    out
}

fn main() {
    jobs::allocator::keep_freed_memory();
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let src = image::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/astronaut.png"
    ))
    .unwrap()
    .to_rgb8();
    let img = image::imageops::resize(&src, 1024, 1024, image::imageops::FilterType::CatmullRom);
    let det_model = FaceDetector::load().unwrap();
    let mesh = FaceMesh::load().unwrap();
    let det = time("detect", runs, || det_model.detect(&img).unwrap()).remove(0);
    let first = time("landmarks", runs, || mesh.landmarks(&img, &det).unwrap());
    let lm = time("refine", runs, || mesh.refine(&img, first.clone()).unwrap());
    let age_gender = AgeGenderNet::load().unwrap();
    time("age_gender", runs, || {
        age_gender.estimate(&img, &first).unwrap()
    });
    let face = time("canonical", runs, || CanonicalFace::new(&img, &lm));
    let regions = time("regions", runs, || Regions::new(&face));
    time("acne", runs, || {
        acne::acne(&face, &regions, &Default::default())
    });
    time("wrinkles", runs, || wrinkles::wrinkles(&face, &regions));
    time("pores", runs, || pores::pores(&face, &regions));
    time("redness", runs, || redness::redness(&face, &regions));
    let (_, shine) = time("oiliness", runs, || oiliness::oiliness(&face, &regions));
    time("texture", runs, || texture::texture(&face, &regions));
    time("dark_circles", runs, || {
        dark_circles::dark_circles(&face, &regions)
    });
    time("tone", runs, || tone::skin_lab(&face, &regions, &shine));
}
