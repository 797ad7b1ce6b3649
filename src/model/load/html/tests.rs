//! Extraction and sniffing on small invented pages.

use super::*;
