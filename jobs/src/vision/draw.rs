//! A tiny RGBA canvas for mask overlays on the canonical crop.

use super::raster::Mask;

/// RGBA pixels, row-major, transparent by default.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub px: Vec<[u8; 4]>,
}

impl Canvas {
    pub fn new(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            height,
            px: vec![[0; 4]; width * height],
        }
    }

    /// Sets a pixel if it lies on the canvas.
    pub fn set(&mut self, x: i32, y: i32, c: [u8; 4]) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            self.px[y as usize * self.width + x as usize] = c;
        }
    }

    pub fn fill_mask(&mut self, m: &Mask, c: [u8; 4]) {
        for (p, &inside) in self.px.iter_mut().zip(&m.data) {
            if inside {
                *p = c;
            }
        }
    }

    pub fn disc(&mut self, cx: f32, cy: f32, r: f32, c: [u8; 4]) {
        let ri = r.ceil() as i32;
        for dy in -ri..=ri {
            for dx in -ri..=ri {
                if (dx * dx + dy * dy) as f32 <= r * r {
                    self.set(cx.round() as i32 + dx, cy.round() as i32 + dy, c);
                }
            }
        }
    }

    /// A circle outline `thick` pixels wide.
    pub fn ring(&mut self, cx: f32, cy: f32, r: f32, thick: f32, c: [u8; 4]) {
        let ro = (r + thick).ceil() as i32;
        for dy in -ro..=ro {
            for dx in -ro..=ro {
                let d = ((dx * dx + dy * dy) as f32).sqrt();
                if d >= r && d <= r + thick {
                    self.set(cx.round() as i32 + dx, cy.round() as i32 + dy, c);
                }
            }
        }
    }

    /// A line of discs of radius `r`.
    pub fn line(&mut self, a: [f32; 2], b: [f32; 2], r: f32, c: [u8; 4]) {
        let len = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
        let steps = (len.ceil() as usize).max(1);
        for s in 0..=steps {
            let t = s as f32 / steps as f32;
            self.disc(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), r, c);
        }
    }

    /// A closed polyline.
    pub fn polyline(&mut self, pts: &[[f32; 2]], r: f32, c: [u8; 4]) {
        for i in 0..pts.len() {
            self.line(pts[i], pts[(i + 1) % pts.len()], r, c);
        }
    }
}

/// Colour ramp for heat maps: t in [0, 1] → yellow → red with rising opacity.
pub fn heat(t: f32) -> [u8; 4] {
    let t = t.clamp(0.0, 1.0);
    [255, (220.0 * (1.0 - t)) as u8, 0, (60.0 + 180.0 * t) as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_stay_on_the_canvas() {
        let mut c = Canvas::new(10, 10);
        c.disc(0.0, 0.0, 3.0, [1, 2, 3, 4]);
        c.line([-5.0, 5.0], [15.0, 5.0], 0.5, [9, 9, 9, 9]);
        assert_eq!(c.px[0], [1, 2, 3, 4]);
        assert_eq!(c.px[5 * 10 + 9], [9, 9, 9, 9]);
    }
}
