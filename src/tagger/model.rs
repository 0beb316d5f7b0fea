//! The tagger's weights, how a sentence is decoded with them, and the model
//! file they are stored in.

use super::Tag;
use super::features::Features;
use super::lexicon::Lexicon;
use super::spelling::{self, Spelling};
use super::stack;
use thiserror::Error;

/// Tags the model tells apart: outside, first word of a name, later word.
pub(crate) const CLASSES: usize = 3;

const MAGIC: &[u8; 8] = b"BYLTAG04";

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a byline tagger model (bad magic bytes)")]
    Magic,
    #[error("the model file is cut short")]
    Truncated,
    #[error("the model file has an unsupported layout ({0})")]
    Layout(String),
    #[error("the built-in model could not be read")]
    Builtin,
}

/// Which bucket of the weight table a feature hash falls in.
#[inline]
pub(crate) fn bucket(hash: u64, bits: u32) -> usize {
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// The best tag sequence for per-token scores `emission` (`CLASSES` per
/// token) and `transition` scores (`(CLASSES + 1) × CLASSES`, the last row
/// for the sentence start). A name never starts with an inside tag.
pub(crate) fn viterbi(emission: &[f32], transition: &[f32]) -> Vec<Tag> {
    let n = emission.len() / CLASSES;
    if n == 0 || transition.len() < (CLASSES + 1) * CLASSES {
        return Vec::new();
    }
    // Forbidden steps cost everything, so the loops need no tests; with the
    // rows as fixed-size arrays the compiler unrolls them (decoding is a
    // good part of tagging time).
    let mut steps = [[f32::NEG_INFINITY; CLASSES]; CLASSES + 1];
    for (p, row) in steps.iter_mut().enumerate() {
        for (c, step) in row.iter_mut().enumerate() {
            let inside_after_outside = c == Tag::I.index() && (p == Tag::O.index() || p == CLASSES);
            if !inside_after_outside {
                *step = transition[p * CLASSES + c];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; CLASSES]; n];
    let mut back = vec![[0u8; CLASSES]; n];
    for c in 0..CLASSES {
        score[0][c] = emission[c] + steps[CLASSES][c];
    }
    for i in 1..n {
        let before = score[i - 1];
        for c in 0..CLASSES {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for (p, row) in steps.iter().take(CLASSES).enumerate() {
                let s = before[p] + row[c];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i][c] = best + emission[i * CLASSES + c];
            back[i][c] = arg as u8;
        }
    }
    let last = score[n - 1];
    let mut c = (0..CLASSES)
        .max_by(|&a, &b| last[a].total_cmp(&last[b]))
        .unwrap_or(0);
    let mut tags = vec![Tag::O; n];
    for i in (0..n).rev() {
        tags[i] = Tag::from_index(c);
        c = usize::from(back[i][c]);
    }
    tags
}

/// A trained tagger: hashed feature weights, tag transitions and word lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) bits: u32,
    /// `CLASSES` weights per bucket, scaled to i16.
    pub(crate) emission: Vec<i16>,
    /// In the same units as `emission`.
    pub(crate) transition: Vec<f32>,
    /// How many units of `emission` one unit of the trained weights is.
    pub(crate) scale: f32,
    /// The second pass's weights (see [`super::stack`]), `CLASSES` per
    /// row, in the units of `emission`; empty when it has none.
    pub(crate) stacked: Vec<i16>,
    pub(crate) lexicon: Lexicon,
}

impl Model {
    /// Quantises trained weights to 16 bits: a quarter of the size of f32
    /// for no measurable loss, since only the order of scores matters.
    pub(crate) fn quantise(
        bits: u32,
        emission: &[f32],
        transition: &[f32],
        lexicon: Lexicon,
    ) -> Model {
        let max = emission.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        Model {
            bits,
            emission: emission
                .iter()
                .map(|w| (w * scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect(),
            transition: transition.iter().map(|w| w * scale).collect(),
            scale,
            stacked: Vec::new(),
            lexicon,
        }
    }

    /// The same model leaning towards (`bias > 0`) or away from names: the
    /// bias is added to every step into a name tag, which is the same as
    /// adding it to each word's name scores. In the units of the weights.
    pub fn with_name_bias(&self, bias: f32) -> Model {
        let mut m = self.clone();
        for prev in 0..=CLASSES {
            for tag in [Tag::B, Tag::I] {
                m.transition[prev * CLASSES + tag.index()] += bias;
            }
        }
        m
    }

    /// Tags one sentence's words, as a document of its own.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_document(&[words]).pop().unwrap_or_default()
    }

    /// Tags each sentence of a document: a name the document gives in full
    /// is easier to see where it stands alone. The second pass, if the model has one, decodes again the sentences
    /// where the first found evidence elsewhere in the document.
    pub fn tag_document<S: AsRef<[W]>, W: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        let features = Features::document(sentences, &self.lexicon);
        let mut emissions: Vec<Vec<f32>> = features.iter().map(|f| self.emission(f)).collect();
        let mut tags: Vec<Vec<Tag>> = emissions
            .iter()
            .map(|e| viterbi(e, &self.transition))
            .collect();
        if self.stacked.is_empty() || features.len() < 2 {
            return tags;
        }
        let evidence = stack::features(&features, &tags);
        for ((emission, evidence), tags) in emissions.iter_mut().zip(&evidence).zip(tags.iter_mut())
        {
            if evidence.iter().all(Option::is_none) {
                continue;
            }
            self.add_stacked(emission, evidence);
            *tags = viterbi(emission, &self.transition);
        }
        tags
    }

    /// Adds the second pass's weights for each token's evidence to a
    /// sentence's first-pass scores.
    fn add_stacked(&self, emission: &mut [f32], evidence: &[Option<[u64; stack::PER_TOKEN]>]) {
        for (i, e) in evidence.iter().enumerate() {
            let Some(hashes) = e else { continue };
            for &h in hashes {
                let b = bucket(h, stack::BITS) * CLASSES;
                if let (Some(row), Some(out)) = (
                    self.stacked.get(b..b + CLASSES),
                    emission.get_mut(i * CLASSES..(i + 1) * CLASSES),
                ) {
                    for (o, w) in out.iter_mut().zip(row) {
                        *o += f32::from(*w);
                    }
                }
            }
        }
    }

    /// The first pass's score of each class for each token of a sentence.
    pub(crate) fn emission(&self, features: &Features) -> Vec<f32> {
        let mut emission = Vec::with_capacity(features.len() * CLASSES);
        // Fixed-size rows: one bounds check a feature, and the compiler
        // unrolls the sums.
        let (rows, _) = self.emission.as_chunks::<CLASSES>();
        for i in 0..features.len() {
            let mut sums = [0i32; CLASSES];
            for &h in features.of(i) {
                if let Some(row) = rows.get(bucket(h, self.bits)) {
                    for (s, w) in sums.iter_mut().zip(row) {
                        *s += i32::from(*w);
                    }
                }
            }
            emission.extend(sums.iter().map(|&s| s as f32));
        }
        emission
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.emission.len() * 2 + self.lexicon.len() * 10 + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        for t in &self.transition {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in &self.emission {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&u32::from(!self.stacked.is_empty()).to_le_bytes());
        for w in &self.stacked {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&(self.lexicon.len() as u32).to_le_bytes());
        for k in self.lexicon.keys() {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for f in self.lexicon.all_flags() {
            out.extend_from_slice(&f.to_le_bytes());
        }
        out.extend_from_slice(&self.lexicon.spelling.to_bytes());
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Layout(format!("{bits} bits")));
        }
        let transition = r
            .take((CLASSES + 1) * CLASSES * 4)?
            .as_chunks::<4>()
            .0
            .iter()
            .map(|&c| f32::from_le_bytes(c))
            .collect();
        // Whole arrays, not slices, so that the copy needs no bounds checks
        // and loads 1.5 MB of weights as fast as memory moves it.
        let emission = r
            .take((1usize << bits) * CLASSES * 2)?
            .as_chunks::<2>()
            .0
            .iter()
            .map(|&c| i16::from_le_bytes(c))
            .collect();
        let scale = r
            .take(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))?;
        let stacked = match r.u32()? {
            0 => Vec::new(),
            1 => r
                .take((1usize << stack::BITS) * CLASSES * 2)?
                .as_chunks::<2>()
                .0
                .iter()
                .map(|&c| i16::from_le_bytes(c))
                .collect(),
            n => return Err(ModelError::Layout(format!("second pass {n}"))),
        };
        let n = r.u32()? as usize;
        let keys: Vec<u64> = r
            .take(n.checked_mul(8).ok_or(ModelError::Truncated)?)?
            .as_chunks::<8>()
            .0
            .iter()
            .map(|&c| u64::from_le_bytes(c))
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Layout("word list out of order".into()));
        }
        let flags = r
            .take(n * 2)?
            .as_chunks::<2>()
            .0
            .iter()
            .map(|&c| u16::from_le_bytes(c))
            .collect();
        let spelling = Spelling::from_bytes(r.take(1 << spelling::BITS)?);
        if r.at != bytes.len() {
            return Err(ModelError::Layout("bytes after the end".into()));
        }
        Ok(Model {
            bits,
            emission,
            transition,
            scale,
            stacked,
            lexicon: Lexicon::from_parts(keys, flags, spelling),
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_a_name_inside() {
        // Emission prefers I everywhere; I may only follow B or I.
        let emission = [0.0, 1.0, 5.0, 0.0, 0.0, 5.0];
        let transition = [0.0; (CLASSES + 1) * CLASSES];
        assert_eq!(viterbi(&emission, &transition), vec![Tag::B, Tag::I]);
        assert!(viterbi(&[], &transition).is_empty());
    }

    #[test]
    fn model_file_round_trips_and_rejects_damage() {
        let bits = 8;
        let emission: Vec<f32> = (0..(1 << bits) * CLASSES)
            .map(|i| (i as f32 - 300.0) / 7.0)
            .collect();
        let transition = vec![0.5; (CLASSES + 1) * CLASSES];
        let model = Model::quantise(bits, &emission, &transition, Lexicon::default());
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(model.clone()));
        // With a second pass.
        let mut stacked = model.clone();
        stacked.stacked = (0..(1usize << stack::BITS) * CLASSES)
            .map(|i| (i % 7) as i16 - 3)
            .collect();
        assert_eq!(Model::from_bytes(&stacked.to_bytes()), Ok(stacked));
        assert_eq!(
            Model::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Truncated)
        );
        assert_eq!(Model::from_bytes(b"nonsense"), Err(ModelError::Magic));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(matches!(
            Model::from_bytes(&longer),
            Err(ModelError::Layout(_))
        ));
    }
}
