//! Analyse a photo and write result.json, the masks, and previews of each mask over the photo.
//!
//! cargo run --release --example analyze -- fixtures/astronaut.png /tmp/out

use std::path::PathBuf;

use jobs::vision::{Engine, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let input = PathBuf::from(args.next().expect("usage: analyze <image> <out-dir>"));
    let out = PathBuf::from(args.next().expect("usage: analyze <image> <out-dir>"));
    std::fs::create_dir_all(&out).unwrap();
    let bytes = std::fs::read(&input).unwrap();
    let engine = Engine::load().unwrap();
    let a = match engine.analyze_bytes(
        &bytes,
        &Options {
            with_masks: true,
            ..Default::default()
        },
    ) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{}: {e}", e.code());
            std::process::exit(1);
        }
    };
    std::fs::write(
        out.join("result.json"),
        serde_json::to_string_pretty(&a.result).unwrap(),
    )
    .unwrap();
    println!("{}", serde_json::to_string_pretty(&a.result).unwrap());
    println!("{:?}", a.timings);
    let photo = jobs::vision::decode::decode(&bytes).unwrap();
    for m in &a.masks {
        std::fs::write(out.join(&m.name), &m.png).unwrap();
        let mask = image::load_from_memory(&m.png).unwrap().to_rgba8();
        let mut view = photo.clone();
        for (p, q) in view.pixels_mut().zip(mask.pixels()) {
            let (rgb, alpha) = if m.name.contains("output") {
                ([q[0], q[1], q[2]], q[3] as f32 / 255.0)
            } else {
                ([0, 255, 0], if q[0] > 0 { 0.45 } else { 0.0 })
            };
            for c in 0..3 {
                p[c] = (p[c] as f32 * (1.0 - alpha) + rgb[c] as f32 * alpha).round() as u8;
            }
        }
        view.save(out.join(format!("view_{}", m.name))).unwrap();
    }
}
