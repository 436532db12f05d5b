//! The ontologies attache codes into, compiled into the binary.
//!
//! Political event data speaks two vocabularies: **CAMEO** (Conflict and Mediation Event
//! Observations, ~300 hierarchical numeric event codes and three-letter actor codes) and
//! **PLOVER** (sixteen word-valued event types with modes). This crate holds both as
//! types, so that a wrong code cannot travel through the pipeline as a string:
//!
//! * [`CameoCode`]: a validated CAMEO event code with its name, Goldstein value,
//!   [`QuadClass`] and PLOVER mapping;
//! * [`ActorCode`]: a CAMEO actor code such as `RUSGOV`, `FRAMED` or `IGOUNO`;
//! * [`PloverType`]: the sixteen PLOVER event types;
//! * [`country_name`] and [`same_country`] for the country and organisation codes.
//!
//! The tables are facts taken from the shared ontology files (see `data/` and
//! `tools/gen_ontology_tables.py`). Where sources disagree the choices are:
//!
//! * **Goldstein**: GDELT's value (ICEWS's where GDELT lacks the code); a code with no
//!   value anywhere (1214) takes its parent's value.
//! * **QuadClass**: GDELT's lookup rule, roots 01–05 verbal cooperation, 06–09 material
//!   cooperation, 10–14 verbal conflict, 15–20 material conflict. It is the rule of the
//!   dataset most of our users compare against; [`QuadRule`] offers the ICEWS and Phoenix
//!   rules for users who compare against those.
//! * **PLOVER**: the CAMEO2PLOVER-2021 table; CAMEO 01 (statements) has no PLOVER type.
//!   CAMEO 02 (appeals), which the PLOVER manual's cue table drops, is REQUEST with the mode
//!   of its family (assist, change, yield, meet): PLOVER's REQUEST is "requests, demands,
//!   orders", POLECAT codes appeals so, and dropping them would leave "X called on Y to
//!   release Z" untyped.
//!
//! ```
//! use attache_ontology::{CameoCode, QuadClass, PloverType};
//! let code = CameoCode::parse("161").unwrap();
//! assert_eq!(code.name(), "Reduce or break diplomatic relations");
//! assert_eq!(code.root().as_str(), "16");
//! assert_eq!(code.quad_class(), QuadClass::MaterialConflict);
//! assert_eq!(code.plover(), Some(PloverType::Sanction));
//! assert!(CameoCode::parse("999").is_err());
//! ```

#![warn(missing_docs)]

mod actor;
mod cameo;
mod country;
mod plover;

pub use actor::{ActorCode, ActorCodeError, Code3};
pub use cameo::{CameoCode, QuadClass, QuadRule, UnknownCameoCode};
pub use country::{CountryKind, country_kind, country_name, is_known_primary, same_country, sector_meaning};
pub use plover::PloverType;
