// The Carepath questionnaire (18 questions, same ids, option ids and
// English texts as locales/en.json) as a SurveyJS survey, for the
// benchmark in bench/run.mjs. Not shipped. Generated once from en.json and
// the "Questions" table of the assessment contract; "asked when" is
// approximated with visibleIf (see bench/README.md).
const json = {
  "firstPageIsStartPage": true,
  "startSurveyText": "Start",
  "pagePrevText": "Back",
  "pageNextText": "Next",
  "completeText": "Next",
  "showProgressBar": true,
  "progressBarType": "questions",
  "showQuestionNumbers": "off",
  "questionErrorLocation": "top",
  "completedHtml": "<h3>Your estimate</h3>",
  "pages": [
    {
      "name": "start",
      "elements": [
        {
          "type": "html",
          "name": "start_text",
          "html": "<h2>Find the care that fits</h2><p>Answer a few short questions. It takes about 3 to 4 minutes.</p><p>Your answers stay on this device. Nothing is sent or saved.</p><p>You get an estimate, not a diagnosis. A counselor at the center decides with you.</p><p>You can answer for yourself or for someone you care about.</p>"
        }
      ]
    },
    {
      "name": "danger_now",
      "elements": [
        {
          "type": "radiogroup",
          "name": "danger_now",
          "title": "Right now, could you act on thoughts of suicide, or is there a medical emergency?",
          "description": "An emergency can be an overdose, a seizure, chest pain, trouble breathing, or being confused or seeing things that are not there.",
          "isRequired": true,
          "requiredErrorText": "Please pick Yes or No.",
          "choices": [
            {
              "value": "yes",
              "text": "Yes"
            },
            {
              "value": "no",
              "text": "No"
            }
          ]
        }
      ]
    },
    {
      "name": "for_whom",
      "elements": [
        {
          "type": "radiogroup",
          "name": "for_whom",
          "title": "Who are you asking for?",
          "choices": [
            {
              "value": "self",
              "text": "Myself"
            },
            {
              "value": "someone_else",
              "text": "Someone else, like a family member or friend"
            }
          ]
        }
      ]
    },
    {
      "name": "age",
      "elements": [
        {
          "type": "radiogroup",
          "name": "age",
          "title": "How old are you?",
          "choices": [
            {
              "value": "under_18",
              "text": "Under 18"
            },
            {
              "value": "18_to_64",
              "text": "18 to 64"
            },
            {
              "value": "65_plus",
              "text": "65 or older"
            }
          ]
        }
      ]
    },
    {
      "name": "pregnant",
      "elements": [
        {
          "type": "radiogroup",
          "name": "pregnant",
          "title": "Are you pregnant?",
          "description": "This helps keep a parent and baby safe. If it does not apply, pick No.",
          "choices": [
            {
              "value": "yes",
              "text": "Yes"
            },
            {
              "value": "no",
              "text": "No"
            }
          ]
        }
      ]
    },
    {
      "name": "substances",
      "elements": [
        {
          "type": "checkbox",
          "name": "substances",
          "title": "What have you used in the past year?",
          "description": "Pick all that apply. If none apply, press Next.",
          "choices": [
            {
              "value": "alcohol",
              "text": "Alcohol"
            },
            {
              "value": "opioids",
              "text": "Opioids: heroin, fentanyl, pain pills, or kratom"
            },
            {
              "value": "benzodiazepines",
              "text": "Sedatives or sleeping pills, like Xanax or Valium, or GHB"
            },
            {
              "value": "stimulants",
              "text": "Meth, cocaine, or pills like Adderall"
            },
            {
              "value": "cannabis",
              "text": "Cannabis (weed)"
            },
            {
              "value": "other",
              "text": "Something else"
            }
          ]
        }
      ]
    },
    {
      "name": "use_frequency",
      "elements": [
        {
          "type": "radiogroup",
          "name": "use_frequency",
          "title": "In the past month, how often did you use?",
          "choices": [
            {
              "value": "daily",
              "text": "Every day or almost (5 or more days a week)"
            },
            {
              "value": "weekly",
              "text": "1 to 4 days a week"
            },
            {
              "value": "monthly_or_less",
              "text": "Once a month or less"
            },
            {
              "value": "not_in_30_days",
              "text": "Not in the past 30 days"
            }
          ]
        }
      ],
      "visibleIf": "({substances} empty or {substances} notempty)"
    },
    {
      "name": "withdrawal",
      "elements": [
        {
          "type": "radiogroup",
          "name": "withdrawal",
          "title": "What happens when you stop or cut back?",
          "choices": [
            {
              "value": "none",
              "text": "Nothing much"
            },
            {
              "value": "mild",
              "text": "I feel shaky, sweaty, sick, worried, or can't sleep"
            },
            {
              "value": "severe",
              "text": "I once had a seizure, saw or heard things, or got confused"
            },
            {
              "value": "never_stopped",
              "text": "I have not stopped or cut back"
            }
          ]
        }
      ],
      "visibleIf": "({substances} empty or {substances} notempty) and {use_frequency} != 'not_in_30_days'"
    },
    {
      "name": "on_medication",
      "elements": [
        {
          "type": "radiogroup",
          "name": "on_medication",
          "title": "Do you take any of these medicines?",
          "choices": [
            {
              "value": "none",
              "text": "No"
            },
            {
              "value": "opioid_treatment",
              "text": "Methadone or buprenorphine from a clinic or doctor"
            },
            {
              "value": "prescribed_sedatives",
              "text": "Sedatives or sleeping pills from a doctor"
            },
            {
              "value": "both",
              "text": "Both"
            }
          ]
        }
      ],
      "visibleIf": "{substances} empty or {substances} anyof ['opioids', 'benzodiazepines']"
    },
    {
      "name": "overdose",
      "elements": [
        {
          "type": "radiogroup",
          "name": "overdose",
          "title": "In the past year, did you overdose, pass out from use, or need Narcan?",
          "description": "Narcan (naloxone) is a spray that can stop an overdose.",
          "choices": [
            {
              "value": "yes",
              "text": "Yes"
            },
            {
              "value": "no",
              "text": "No"
            }
          ]
        }
      ],
      "visibleIf": "({substances} empty or {substances} notempty)"
    },
    {
      "name": "criteria",
      "elements": [
        {
          "type": "checkbox",
          "name": "criteria",
          "title": "In the past year, which of these happened?",
          "description": "Pick all that apply. If none apply, press Next.",
          "choices": [
            {
              "value": "more_than_intended",
              "text": "Used more, or for longer, than planned"
            },
            {
              "value": "cant_cut_down",
              "text": "Wanted to cut down but could not"
            },
            {
              "value": "time_spent",
              "text": "Spent a lot of time getting it, using, or getting over it"
            },
            {
              "value": "cravings",
              "text": "Had strong urges to use"
            },
            {
              "value": "role_failure",
              "text": "Let things slide at work, school, or home"
            },
            {
              "value": "relationship_problems",
              "text": "Kept using even when it caused fights with people"
            },
            {
              "value": "gave_up_activities",
              "text": "Gave up things once enjoyed, to use instead"
            },
            {
              "value": "hazardous_use",
              "text": "Used when it was not safe, like before driving"
            },
            {
              "value": "health_problems",
              "text": "Kept using even when it hurt body or mind"
            },
            {
              "value": "tolerance",
              "text": "Needed more to feel the same"
            },
            {
              "value": "withdrawal_relief",
              "text": "Used to stop feeling sick or shaky"
            }
          ]
        }
      ]
    },
    {
      "name": "mental_health",
      "elements": [
        {
          "type": "radiogroup",
          "name": "mental_health",
          "title": "In the past 2 weeks, how much did sadness, worry, or trauma get in your way?",
          "choices": [
            {
              "value": "not_at_all",
              "text": "Not at all"
            },
            {
              "value": "somewhat",
              "text": "Some"
            },
            {
              "value": "a_lot",
              "text": "A lot"
            },
            {
              "value": "unable_to_function",
              "text": "So much I could not get through the day"
            }
          ]
        }
      ]
    },
    {
      "name": "self_harm",
      "elements": [
        {
          "type": "radiogroup",
          "name": "self_harm",
          "title": "In the past month, have you wished you were dead or thought of suicide?",
          "description": "Many people have these thoughts. It is OK to say so. Help is there.",
          "choices": [
            {
              "value": "no",
              "text": "No"
            },
            {
              "value": "wish_or_thoughts",
              "text": "Yes, I wished I were dead or thought of suicide"
            },
            {
              "value": "method",
              "text": "Yes, and I thought about how I would do it"
            },
            {
              "value": "plan_or_attempt",
              "text": "Yes, I have a plan or mean to act, or I tried in the past 3 months"
            }
          ]
        }
      ]
    },
    {
      "name": "medical",
      "elements": [
        {
          "type": "radiogroup",
          "name": "medical",
          "title": "Do you have a health problem that needs care?",
          "choices": [
            {
              "value": "no",
              "text": "No"
            },
            {
              "value": "managed",
              "text": "Yes, and it is under control"
            },
            {
              "value": "unstable",
              "text": "Yes, and it is getting worse or not treated"
            }
          ]
        }
      ]
    },
    {
      "name": "past_treatment",
      "elements": [
        {
          "type": "radiogroup",
          "name": "past_treatment",
          "title": "Have you had care for substance use before?",
          "choices": [
            {
              "value": "never",
              "text": "No, never"
            },
            {
              "value": "recent_detox",
              "text": "Yes, I finished detox in the past 30 days"
            },
            {
              "value": "recent_residential",
              "text": "Yes, I left a live-in or hospital program in the past 30 days"
            },
            {
              "value": "relapse_after_recovery",
              "text": "Yes, and I started using again after a time without"
            },
            {
              "value": "other_past",
              "text": "Yes, some time ago"
            }
          ]
        }
      ]
    },
    {
      "name": "readiness",
      "elements": [
        {
          "type": "radiogroup",
          "name": "readiness",
          "title": "How do you feel about making a change?",
          "choices": [
            {
              "value": "ready_now",
              "text": "Ready to get help now"
            },
            {
              "value": "cut_down",
              "text": "Want to cut down"
            },
            {
              "value": "unsure",
              "text": "Not sure yet"
            },
            {
              "value": "not_now",
              "text": "Not ready right now"
            }
          ]
        }
      ]
    },
    {
      "name": "home",
      "elements": [
        {
          "type": "radiogroup",
          "name": "home",
          "title": "How is your home life?",
          "choices": [
            {
              "value": "stable_supportive",
              "text": "Safe, with people who back my recovery"
            },
            {
              "value": "stable_unsupportive",
              "text": "Safe, but others there use or don't back recovery"
            },
            {
              "value": "unsafe_or_unstable",
              "text": "No steady place to live, or home is not safe"
            }
          ]
        }
      ]
    },
    {
      "name": "responsibilities",
      "elements": [
        {
          "type": "checkbox",
          "name": "responsibilities",
          "title": "What do you need to fit care around?",
          "description": "Pick all that apply.",
          "choices": [
            {
              "value": "full_time_work",
              "text": "A full-time job"
            },
            {
              "value": "part_time_work",
              "text": "A part-time job"
            },
            {
              "value": "school",
              "text": "School"
            },
            {
              "value": "caregiving",
              "text": "Caring for children or others"
            },
            {
              "value": "none",
              "text": "None of these"
            }
          ]
        }
      ]
    },
    {
      "name": "schedule",
      "elements": [
        {
          "type": "radiogroup",
          "name": "schedule",
          "title": "When could you best go to care?",
          "choices": [
            {
              "value": "daytime",
              "text": "Daytime"
            },
            {
              "value": "evenings",
              "text": "Evenings"
            },
            {
              "value": "weekends",
              "text": "Weekends"
            },
            {
              "value": "flexible",
              "text": "Any time works"
            }
          ]
        }
      ]
    }
  ]
};

const survey = new Survey.Model(json);
survey.render(document.getElementById("survey"));
window.benchSurvey = survey;
