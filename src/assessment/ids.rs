//! The contract's identifiers as Rust enums. Each enum knows its own ids,
//! so the JSON, the rules table and the widget all print the same words.

/// Declares an enum whose variants map one-to-one to contract ids, with
/// `ALL` in contract order, `id()`, `from_id()` and serde support.
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The contract id.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The value for a contract id, if there is one.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The contract ids, in order (for error messages).
            pub fn ids() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.id()).collect()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

id_enum!(
    /// Levels of care, from least to most intensive (the derive order is the
    /// contract's level order, so `max` picks the most intensive need).
    Level {
        SelfGuided = "self_guided",
        Outpatient = "outpatient",
        IntensiveOutpatient = "intensive_outpatient",
        PartialHospitalization = "partial_hospitalization",
        Residential = "residential",
    }
);

id_enum!(
    /// Whether the visitor must get help now, before anything else.
    Urgent { None = "none", Emergency = "emergency" }
);

id_enum!(
    /// The withdrawal first step, before the ongoing level.
    Withdrawal {
        None = "none",
        Ambulatory = "ambulatory",
        MedicallyManaged = "medically_managed",
    }
);

id_enum!(
    /// The suggested first contact (rule 13).
    FirstContact {
        ReachOut = "reach_out",
        TalkItOver = "talk_it_over",
        SafetyFirst = "safety_first",
    }
);

id_enum!(
    /// Next-step flags, in the contract's order (results list them so).
    Flag {
        CoOccurring = "co_occurring",
        MentalHealthCare = "mental_health_care",
        CrisisLine = "crisis_line",
        MedicationForOpioids = "medication_for_opioids",
        OverdoseRisk = "overdose_risk",
        KeepMedication = "keep_medication",
        SeeDoctorFirst = "see_doctor_first",
        PregnancyCare = "pregnancy_care",
        RecoveryHousing = "recovery_housing",
        InvolveGuardian = "involve_guardian",
        TrustedAdult = "trusted_adult",
        TalkToClinician = "talk_to_clinician",
        FamilySupport = "family_support",
    }
);

id_enum!(
    /// What a center may offer: a level, or a withdrawal first step.
    Offer {
        SelfGuided = "self_guided",
        Outpatient = "outpatient",
        IntensiveOutpatient = "intensive_outpatient",
        PartialHospitalization = "partial_hospitalization",
        Residential = "residential",
        AmbulatoryWithdrawal = "ambulatory_withdrawal",
        MedicallyManagedWithdrawal = "medically_managed_withdrawal",
    }
);

impl Offer {
    /// The offer that provides a level.
    pub fn level(level: Level) -> Offer {
        match level {
            Level::SelfGuided => Offer::SelfGuided,
            Level::Outpatient => Offer::Outpatient,
            Level::IntensiveOutpatient => Offer::IntensiveOutpatient,
            Level::PartialHospitalization => Offer::PartialHospitalization,
            Level::Residential => Offer::Residential,
        }
    }

    /// The offer that provides a withdrawal first step (`None`: no step).
    pub fn first_step(step: Withdrawal) -> Option<Offer> {
        match step {
            Withdrawal::None => None,
            Withdrawal::Ambulatory => Some(Offer::AmbulatoryWithdrawal),
            Withdrawal::MedicallyManaged => Some(Offer::MedicallyManagedWithdrawal),
        }
    }
}

id_enum!(
    /// ASAM's six dimensions (3rd edition), which the reasons follow.
    Dimension {
        Withdrawal = "withdrawal",
        Biomedical = "biomedical",
        Emotional = "emotional",
        Readiness = "readiness",
        Relapse = "relapse",
        Environment = "environment",
    }
);

id_enum!(
    /// Days of the week, as the center input and the schedule write them.
    Day {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
);

id_enum!(
    /// Question ids, in the order the widget asks them.
    Q {
        DangerNow = "danger_now",
        ForWhom = "for_whom",
        Age = "age",
        Pregnant = "pregnant",
        Substances = "substances",
        UseFrequency = "use_frequency",
        Withdrawal = "withdrawal",
        OnMedication = "on_medication",
        Overdose = "overdose",
        Criteria = "criteria",
        MentalHealth = "mental_health",
        SelfHarm = "self_harm",
        Medical = "medical",
        PastTreatment = "past_treatment",
        Readiness = "readiness",
        Home = "home",
        Responsibilities = "responsibilities",
        Schedule = "schedule",
    }
);

impl Q {
    /// Position in the question bank (and in per-question arrays).
    pub const fn index(self) -> usize {
        self as usize
    }
}
