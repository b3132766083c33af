//! The compression a JPEG upload carries, read from its luminance quantisation table.
//!
//! Why: a faint line about as deep as a quantisation step is rounded away or up a step by the
//! compression, so the fine-line scores of a small face in a strongly compressed JPEG move with
//! the compression (docs/metrics.md, "image_quality"). The report carries the quality so that a
//! client can tell such a photo from a clean one and ask for a better one.

/// The luminance quantisation table of ITU-T T.81 Annex K (libjpeg's base table). Only its sum
/// is used, so its order (natural here, zig-zag in a file) does not matter.
const BASE_LUMA: [u16; 64] = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
    14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
    92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/// Estimated libjpeg quality (1–100) of a JPEG file, from its luminance table (table 0); `None`
/// for anything that is not a JPEG or has no such table.
pub fn estimate(bytes: &[u8]) -> Option<u8> {
    luma_steps(bytes).map(|steps| quality_of(&steps))
}

/// The libjpeg quality (1–100) of a luminance table (any order).
///
/// libjpeg scales the base table by `s` % (`s = 5000 / q` below quality 50, `200 − 2q` from 50)
/// and most encoders (cameras' own tables aside) do the same, so the table's sum over the base
/// table's gives `s` and `s` gives the quality. For a table of another origin this is the
/// libjpeg quality of equal average coarseness.
pub fn quality_of(steps: &[f32; 64]) -> u8 {
    let base: f32 = BASE_LUMA.iter().map(|&v| v as f32).sum();
    let scale = 100.0 * steps.iter().sum::<f32>() / base;
    let q = if scale <= 100.0 {
        (200.0 - scale) / 2.0
    } else {
        5000.0 / scale
    };
    q.round().clamp(1.0, 100.0) as u8
}

/// Position in the natural (row-major) order of each zig-zag entry of a quantisation table
/// (ITU-T T.81 Figure A.6).
const ZIGZAG: [usize; 64] = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/// The luminance quantisation steps of a JPEG file in natural order (`[v * 8 + u]` for vertical
/// frequency `v`, horizontal `u`); `None` for anything that is not a JPEG with such a table.
pub fn luma_steps(bytes: &[u8]) -> Option<[f32; 64]> {
    let zigzag = luma_table(bytes)?;
    let mut steps = [0f32; 64];
    for (i, &at) in ZIGZAG.iter().enumerate() {
        steps[at] = zigzag[i] as f32;
    }
    Some(steps)
}

/// The 64 entries of quantisation table 0 (the luminance's by every encoder's convention), in
/// the file's zig-zag order, walking the marker segments up to the scan.
fn luma_table(bytes: &[u8]) -> Option<[u16; 64]> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut at = 2;
    loop {
        // Markers may be preceded by fill bytes 0xFF.
        while *bytes.get(at)? == 0xFF && *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        // Start of scan or end of image: the tables come before both.
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let len = u16::from_be_bytes([*bytes.get(at + 2)?, *bytes.get(at + 3)?]) as usize;
        let segment = bytes.get(at + 4..at + 2 + len)?;
        if marker == 0xDB {
            if let Some(t) = table_zero(segment) {
                return Some(t);
            }
        }
        at += 2 + len;
    }
}

/// Table 0 of one DQT segment, which may hold several tables of 8- or 16-bit entries.
fn table_zero(mut segment: &[u8]) -> Option<[u16; 64]> {
    while let Some(&pq_tq) = segment.first() {
        let wide = pq_tq >> 4 == 1;
        let size = if wide { 128 } else { 64 };
        let entries = segment.get(1..1 + size)?;
        if pq_tq & 0x0F == 0 {
            let mut t = [0u16; 64];
            for (i, v) in t.iter_mut().enumerate() {
                *v = if wide {
                    u16::from_be_bytes([entries[2 * i], entries[2 * i + 1]])
                } else {
                    entries[i] as u16
                };
            }
            return Some(t);
        }
        segment = &segment[1 + size..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vision::testutil::astronaut;

    fn encoded(quality: u8) -> Vec<u8> {
        let mut buf = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, quality)
            .encode_image(&astronaut())
            .unwrap();
        buf
    }

    #[test]
    fn the_quality_a_jpeg_was_written_at_is_read_back() {
        for q in [20, 45, 60, 75, 90, 95] {
            let got = estimate(&encoded(q)).expect("a JPEG has a luminance table");
            assert!(got.abs_diff(q) <= 1, "written at {q}, read {got}");
        }
    }

    #[test]
    fn steps_are_in_natural_order() {
        // Quality 50 writes the base table unscaled.
        let steps = luma_steps(&encoded(50)).unwrap();
        assert_eq!(steps.map(|v| v as u16), BASE_LUMA);
    }

    #[test]
    fn other_formats_and_broken_files_have_no_jpeg_quality() {
        let png = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/astronaut.png"
        ));
        assert_eq!(estimate(png), None);
        assert_eq!(estimate(b""), None);
        // Every cut before the end of the luminance table: no table, and no panic.
        let jpeg = encoded(80);
        let dqt = jpeg.windows(2).position(|w| w == [0xFF, 0xDB]).unwrap();
        let table_end = dqt + 4 + 1 + 64;
        for cut in 0..table_end {
            assert_eq!(estimate(&jpeg[..cut]), None, "cut at {cut}");
        }
        assert_eq!(estimate(&jpeg), Some(80));
    }
}
