"""The research's starter content, written from the comms team's seed pages and the content
brief. Only facts from those sources appear here; editors add everything else in the CMS.

Page bodies are StreamField data in Wagtail's raw JSON form. Functions that need another
page (a case-study teaser, a call to action) take the dict of pages built so far."""

from casestudies.choices import Region

OVERVIEW_SEO_TITLE = "Place and Belonging in School: why it matters today"
OVERVIEW_SUMMARY = (
    "NEU-commissioned research on how intentional whole-school practice creates a climate "
    "of welcome and belonging in school."
)
OVERVIEW_INTRO = (
    "<p>The NEU commissioned research, <i>Place and Belonging in School: why it matters "
    "today</i>, offers examples of how intentional whole-school practice can help create a "
    "climate of welcome and belonging in school: a purposeful approach which brings everyone "
    "on board, enriches the lives of all concerned and sets the school on a positive and "
    "upward trajectory.</p>"
    "<p>The context for the research was one of growing concern about the rapid increase in "
    "rates of exclusion and alienation, and its impact on young people’s well-being, mental "
    "health and life chances.</p>"
    "<p>This report illustrates what is possible – even in the most challenging of contexts – "
    "and how rewarding and joyful this is.</p>"
)
THEMES_HEADING = "Three interconnected themes"
THEMES_INTRO = "The research findings have been organised around three interconnected themes."
REPORT_COVER_ALT = "Cover of the report Place and Belonging in School: why it matters today"

BELONGING_CHALLENGE = {
    "heading": "The Belonging Challenge",
    "lead_in": "",
    "points": [
        "1 in 4 young people feel they do not belong in school, and the figure is rising.",
        "Children from disadvantaged communities are twice as likely as their more advantaged "
        "peers to feel they do not belong, and four times more likely to be excluded.",
        "Black Caribbean children and children with special educational needs are more likely "
        "to be excluded than their peers.",
        "Young people who experience exclusion from school or society look for "
        "‘belongingness’ elsewhere.",
    ],
}
BELONGING_OPPORTUNITY = {
    "heading": "The Belonging Opportunity",
    "lead_in": "A sense of belonging has been linked to:",
    "points": [
        "Increased student motivation.",
        "Increased staff well-being, motivation and retention.",
        "Reductions in student absenteeism.",
        "Other positive social outcomes, e.g. health and well-being.",
        "Improved academic achievement.",
        "A growing sense of agency in students and staff: a belief that they can make a "
        "difference.",
    ],
}

ABOUT_THE_RESEARCH = (
    "<p>The research was commissioned by the National Education Union and undertaken by The "
    "Art of Possibilities and the UCL Institute of Education. Its authors are Professor "
    "Kathryn Riley, Dr Max Coates and Dr Tracey Allen, and the case studies report was "
    "published in November 2020.</p>"
    "<p>The inquiry began in late 2019 and was interrupted by the Covid-19 lockdown. It "
    "studied five schools through case studies, alongside a separately published literature "
    "review.</p>"
    "<p>Throughout, belonging means the sense of being somewhere you can be confident you will "
    "fit in and be safe in your identity: a feeling of being at home in a place.</p>"
)

GET_INVOLVED_TEXT = (
    "Share best practice with other members on how your school is creating a sense of place "
    "and belonging, and register your interest to be more involved."
)


def rich_text(html):
    return {"type": "rich_text", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def pull_quote(quote, attribution=""):
    return {"type": "pull_quote", "value": {"quote": quote, "attribution": attribution}}


def trait_list(items, heading_text="", intro=""):
    return {
        "type": "trait_list",
        "value": {
            "heading": heading_text,
            "intro": intro,
            "items": [{"name": name, "description": text} for name, text in items],
        },
    }


def comparison(first, second):
    return {"type": "comparison", "value": {"first": first, "second": second}}


GET_INVOLVED_CTA = {
    "name": "Get involved",
    "heading": "Get involved",
    "text": GET_INVOLVED_TEXT,
    "link_text": "Get involved",
}


def video(title, description):
    """A video block without its web address or transcript. Our sources do not give the
    talk's address (the comms team supplies it) and we must not invent one, so the block
    starts empty there: visitors see "Video coming soon" and editors get a reminder each time
    they save the page, until the address and transcript are added."""
    return {
        "type": "video",
        "value": {
            "title": title,
            "url": "",
            "description": description,
            "poster": None,
            "duration": "",
            "transcript": "",
            "captions_note": "",
        },
    }


def get_involved_cta(pages):
    """The shared "Get involved" snippet: editors change it once for every page."""
    return {"type": "shared_call_to_action", "value": pages["get_involved_cta"].pk}


def case_study_teaser(page):
    return {"type": "case_study_teaser", "value": {"case_study": page.pk}}


def overview_body(pages):
    return [
        comparison(BELONGING_CHALLENGE, BELONGING_OPPORTUNITY),
        heading("About the research"),
        rich_text(ABOUT_THE_RESEARCH),
        get_involved_cta(pages),
    ]


THEMES = [
    {
        "key": "leadership",
        "slug": "belonging-and-leadership",
        "title": "Theme 1: belonging and leadership",
        "summary": (
            "Where school leaders developed an intentional approach focused on changing "
            "learning and teaching, this led to everyone reshaping the expectations and the "
            "culture of the school."
        ),
    },
    {
        "key": "culture",
        "slug": "belonging-and-culture",
        "title": "Theme 2: belonging and culture",
        "summary": (
            "Relationships between students and staff sit at the heart of a ‘cycle of "
            "connectivity’ in which young people are heard and seen for who they are."
        ),
    },
    {
        "key": "agency",
        "slug": "belonging-and-agency",
        "title": "Theme 3: belonging and agency",
        "summary": (
            "Staff retention is far greater where teachers know that they can make a "
            "difference and have a strong sense of personal and professional agency in their "
            "school."
        ),
    },
]

LEADERSHIP_DNA = [
    (
        "Leaders of Place",
        "Their leadership is contextual and community orientated, finely tuned to the needs "
        "of the neighbourhood.",
    ),
    (
        "Authentic",
        "They are who they are. Some may seem idiosyncratic – a manifestation of their "
        "authenticity – while others appear to be leading from behind. A Y6 child put it like "
        "this: ‘If you’re the headteacher, you just have to be who you are.’",
    ),
    (
        "Learning-centred",
        "These leaders model what they do, monitor what they do, and talk about what they do "
        "– all the time.",
    ),
    (
        "Relational",
        "Their leadership is highly relational – with their staff, with the young people and "
        "with their families – and they are ‘caring’ leaders.",
    ),
    (
        "Agency",
        "They understand their own agency and work to activate the agency of others.",
    ),
]


def leadership_body(pages):
    return [
        pull_quote(
            "The school is a key site for fostering belonging. However, this requires a sense "
            "of intention, purpose and a commitment to connectedness."
        ),
        rich_text(
            "<p>The research found that a whole-school approach, firmly focused on trust, "
            "caring and deep organisational learning, can drive the commitment to innovate and "
            "make progress in serving the needs of children and young people.</p>"
            "<p>School leaders are the mediating force responsible for shaping the culture of "
            "the school. Their attitudes and practices help create the conditions needed for "
            "school belonging, or send the message to some (adults, young people, families) "
            "that they do not belong.</p>"
            "<p>During this research we wanted to discover more about what leaders were doing "
            "to make the difference.</p>"
        ),
        trait_list(
            LEADERSHIP_DNA,
            heading_text="What were the leaders doing?",
            intro=(
                "The leaders of the schools we visited all walk or dance their leadership in "
                "different ways. Nevertheless, their leadership ‘DNA’ is infused with some "
                "common features."
            ),
        ),
        rich_text(
            "<p>Leadership is bound in culture, context and place. The school leaders we met "
            "recognise the importance of contextual and community-oriented leadership, as the "
            "example of Flakesfleet Primary School in the North West of England shows.</p>"
        ),
        case_study_teaser(pages["flakesfleet"]),
        heading("Action for change"),
        rich_text(
            "<p>What are the opportunities for school leaders to create the conditions for a "
            "culture of school belonging?</p>"
        ),
        video(
            "Krissi Carter: TED talk",
            "Krissi Carter, a headteacher, gives an overview of the many changes made and the "
            "challenging questions that she had to confront together with her senior team, "
            "and more broadly with the whole school.",
        ),
        rich_text(
            "<p>How could this TED talk with Krissi Carter be the start of the conversation "
            "with colleagues in your school?</p>"
        ),
        get_involved_cta(pages),
    ]


def culture_body(pages):
    return [
        rich_text(
            "<p>The schools studied had all faced serious behaviour issues in the past. "
            "Recalibrating school culture was critical, and exclusions are now rare.</p>"
        ),
        trait_list(
            [
                ("Why did you do that?", ""),
                ("How do you feel?", ""),
                ("How do you think other children or your teacher feel?", ""),
                ("What do you think we should do?", ""),
            ],
            heading_text="Four restorative questions",
            intro="The schools’ typical response to challenging behaviour is to ask:",
        ),
        heading("A common language and shared practices"),
        rich_text(
            "<p>The behaviour agenda is owned by everyone: staff and pupils know it, helped to "
            "shape it and think it is fair.</p>"
            "<p>School spaces reflect how young people learn, showcase their creativity and "
            "raise contemporary issues such as climate change and social justice.</p>"
        ),
        heading("How we listened to pupils"),
        rich_text(
            "<p>In every school, pupils took part in a drawing exercise: “What does it look "
            "like in my school when I feel that I belong, or I feel I don’t belong?”</p>"
        ),
        case_study_teaser(pages["helston"]),
        get_involved_cta(pages),
    ]


def agency_body(pages):
    return [
        rich_text(
            "<p>Teachers are the key influence: how young people perceive their relationships "
            "with teachers is the most significant factor in whether they feel they belong. "
            "The schools shared a language of belonging for staff as well as pupils.</p>"
        ),
        trait_list(
            [
                ("Creativity", "You can be more creative, innovative and confident."),
                ("Respect", "You feel respected and accepted."),
                ("Commitment", "You stay longer in an organisation and contribute more."),
                ("Well-being", "You have a sense of well-being and agency."),
                ("Involvement", "You feel more involved in and committed to your job."),
            ],
            heading_text="When you feel you belong",
        ),
        heading("Agency"),
        rich_text(
            "<p>Agency is the belief that what you do makes a difference, with the skills and "
            "the opportunity to do it. The leaders saw their role as activating the agency of "
            "staff and students, and bringing parents on board by welcoming families and "
            "communities.</p>"
        ),
        get_involved_cta(pages),
    ]


THEME_BODIES = {"leadership": leadership_body, "culture": culture_body, "agency": agency_body}

CASE_STUDY_INDEX = {
    "slug": "case-studies",
    "title": "Case studies",
    "summary": "Schools from the research, and how they create a sense of place and belonging.",
    "intro": (
        "<p>The research studied five schools. These case studies show what their leaders, "
        "staff and pupils did to create a sense of place and belonging.</p>"
    ),
}

CASE_STUDIES = [
    {
        "key": "flakesfleet",
        "slug": "flakesfleet-primary-school",
        "title": "Flakesfleet Primary School: Dare to Dream",
        "school_name": "Flakesfleet Primary School",
        "town": "Fleetwood",
        "region": "north-west",
        "phase": "primary",
        "themes": ["leadership"],
        "summary": (
            "In a one-time fishing port stripped of its economy and identity, a primary school "
            "set out to rebuild the self-belief of pupils and parents."
        ),
    },
    {
        "key": "helston",
        "slug": "helston-community-college",
        "title": "Helston Community College: cooperative values",
        "school_name": "Helston Community College",
        "town": "Helston",
        "region": "south-west",
        "phase": "secondary",
        "themes": ["culture"],
        "summary": "A secondary school with cooperative values at the heart of school life.",
    },
]


def flakesfleet_body(pages):
    return [
        rich_text(
            "<p>Flakesfleet is in Fleetwood, a one-time major fishing port. Poverty is endemic, "
            "with one in three children living below the poverty line. Over a series of "
            "decades, Fleetwood has lost its deep-sea fishing role, its ferry service to the "
            "Isle of Man and Ireland, and its freight rail link. It has become a town stripped "
            "of its economy and identity.</p>"
            "<p>The school’s central challenge has been how to rebuild this identity and the "
            "self-belief of pupils and parents. The school developed an intentional approach "
            "focused on changing learning and teaching, and reshaping expectations and the "
            "culture of the school. There was a practical focus on tackling delayed speech and "
            "language; safeguarding issues; developing a school-based nursery; supporting "
            "families and changing behaviour. The emphasis was on what children could do, not "
            "on what they were not allowed to do.</p>"
            "<p>Staff set out to model desired behaviours and attitudes, such as working "
            "together and respecting each other. The senior leadership team located "
            "themselves in a shared office in a central area of the school. The room is also a "
            "thoroughfare for staff and children, and the place where the school dog, Mabel, "
            "sleeps.</p>"
        ),
        heading("Dare to Dream"),
        rich_text(
            "<p>The other key piece of the jigsaw was – and is – ‘Dare to Dream’: the antidote "
            "to low expectations and a lack of self-belief within the community. It is about "
            "envisioning the ‘impossible’ and making it happen – skydiving, achieving a "
            "Christmas number one song, winning ‘Britain’s Got Talent’. The headteacher saw it "
            "as vital to showcase these forgotten children and change their beliefs about what "
            "is possible.</p>"
            "<p>The staff interviewed are on board with this aspiration. They feel that they "
            "belong in the school and are valued: ‘part of the place’. They are committed to "
            "translating the children’s dreams into realities.</p>"
        ),
        pull_quote("Part of the place.", "Staff at Flakesfleet, on how they feel in the school"),
        rich_text(
            "<p>The children found it hard to recall any place or incident within the school "
            "where they felt they did not belong. The school is a joyous place to be. The "
            "children are engaged. Results are rising and numbers are growing.</p>"
            "<p>The school had a shot at the Christmas number one single, staged a prequel of "
            "the Harry and Meghan royal wedding, and made it to the TV show Britain’s Got "
            "Talent. They did not win, but they – and their headteacher – performed "
            "spectacularly.</p>"
        ),
        get_involved_cta(pages),
    ]


def helston_body(pages):
    return [
        rich_text(
            "<p>Helston Community College is a secondary school in Helston, Cornwall, in the "
            "South West of England. Cooperative values sit at the heart of school life.</p>"
        ),
        trait_list(
            [
                ("Self-help", ""),
                ("Self-responsibility", ""),
                ("Democracy", ""),
                ("Equality", ""),
                ("Equity", ""),
                ("Solidarity", ""),
            ],
            heading_text="The college’s cooperative values",
        ),
        get_involved_cta(pages),
    ]


CASE_STUDY_BODIES = {"flakesfleet": flakesfleet_body, "helston": helston_body}

GET_INVOLVED = {
    "slug": "get-involved",
    "title": "Get involved",
    "summary": GET_INVOLVED_TEXT,
}


def form_cta(page, heading_text, text):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "link_text": page.title,
            "page": page.pk,
            "url": "",
        },
    }


def get_involved_body(pages):
    return [
        rich_text(
            "<p>The union wants to hear how schools are creating a sense of place and belonging. "
            "Share best practice from your school with other members, and register your "
            "interest to be more involved in this work.</p>"
        ),
        form_cta(
            pages["share_practice"],
            "Share best practice",
            "Tell other members what your school does to help everyone feel they belong.",
        ),
        form_cta(
            pages["register_interest"],
            "Register your interest",
            "Let the union know you would like to be more involved in this work.",
        ),
    ]


# Interest forms (getinvolved.InterestFormPage). Each field: (label, type, required,
# help text, choices). Consent is part of every form page, not a field here.
REGION_CHOICES = "\n".join(Region.labels)
NAME_FIELD = ("Your name", "singleline", True, "", "")
EMAIL_FIELD = (
    "Email address",
    "email",
    True,
    "We will only use this to contact you about this work.",
    "",
)
REGION_FIELD = ("Region", "dropdown", True, "Where your school or workplace is.", REGION_CHOICES)
CONFIRMATION_TEXT = (
    "Thank you for getting in touch about the National Education Union’s work on place and "
    "belonging in school. We have received your form and someone from the union may contact "
    "you about it.\n\nYou do not need to reply to this email."
)

REGISTER_INTEREST = {
    "key": "register_interest",
    "slug": "register-your-interest",
    "title": "Register your interest",
    "summary": "Tell the union you would like to be more involved in its work on belonging.",
    "intro": (
        "<p>Register your interest to be more involved in the union’s work on place and "
        "belonging in school. It takes about two minutes.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you for registering your interest. We have received your details and "
        "someone from the union may be in touch about how you would like to be involved.</p>"
    ),
    "fields": [
        NAME_FIELD,
        EMAIL_FIELD,
        ("School or workplace", "singleline", True, "", ""),
        ("Role", "singleline", True, "For example: class teacher, teaching assistant.", ""),
        REGION_FIELD,
        (
            "Membership number",
            "singleline",
            False,
            "If you have it to hand: it helps us find your membership record.",
            "",
        ),
        (
            "How would you like to be involved?",
            "checkboxes",
            True,
            "Choose all that apply.",
            "Share practice from my school\n"
            "Take part in events or discussions\n"
            "Help shape the union’s work on belonging\n"
            "Receive updates about this work",
        ),
    ],
}

SHARE_PRACTICE = {
    "key": "share_practice",
    "slug": "share-best-practice",
    "title": "Share best practice",
    "summary": "Tell other members how your school creates a sense of place and belonging.",
    "intro": (
        "<p>Share how your school is creating a sense of place and belonging, so that other "
        "members can learn from it.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you for sharing your school’s story. We have received it, and someone from "
        "the union may contact you before sharing it with other members.</p>"
    ),
    "fields": [
        NAME_FIELD,
        EMAIL_FIELD,
        ("School", "singleline", True, "", ""),
        REGION_FIELD,
        (
            "Your story",
            "multiline",
            True,
            "What has your school done to help everyone feel they belong, and what difference "
            "has it made? Up to 5,000 characters.",
            "",
        ),
    ],
}

INTEREST_FORMS = [REGISTER_INTEREST, SHARE_PRACTICE]

# A placeholder until the comms team publishes the union's own notice with its data
# protection officer. It promises nothing on the union's behalf: it only describes what this
# website itself does with a submission, which the code guarantees (and tests check).
PRIVACY_NOTICE = {
    "slug": "privacy-notice",
    "title": "Privacy notice",
    "summary": "What this website does with the information you send through its forms.",
}


def privacy_notice_body(pages):
    return [
        rich_text(
            "<p><strong>The NEU communications team will replace this page with the union’s "
            "full privacy notice.</strong> Until then, it describes what this website does "
            "with what you send through its forms.</p>"
        ),
        heading("What the website stores"),
        rich_text(
            "<p>The answers you type into a form, when you sent it, and which version of this "
            "notice you agreed to.</p>"
        ),
        heading("Who can see it"),
        rich_text(
            "<p>Only the union staff in the team that handles these responses. Emails telling "
            "them about a new response do not contain your answers.</p>"
        ),
        heading("How long it is kept"),
        rich_text(
            "<p>Responses are deleted automatically after a fixed period set by the union.</p>"
        ),
    ]
