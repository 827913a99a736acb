"""FaceScore training: SCUT-FBP5500 readers, splits, backbones, fitting,
evaluation and export of the bundled model. Never imported by the app."""
