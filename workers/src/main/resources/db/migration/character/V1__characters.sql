-- The collectible characters: Eco²'s 13, the default one given at sign-up, and which of the sorting guide's
-- subcategories (info's items.subcategory) unlock each of the other twelve. A subcategory unlocks at most one.
CREATE TABLE characters (
    code        text PRIMARY KEY,
    name        text    NOT NULL UNIQUE,
    type_label  text    NOT NULL,
    dialog      text    NOT NULL,
    unlock_hint text    NOT NULL,
    is_default  boolean NOT NULL DEFAULT false,
    position    int     NOT NULL UNIQUE
);

CREATE TABLE subcategory_characters (
    subcategory text PRIMARY KEY,
    code        text NOT NULL REFERENCES characters (code)
);

CREATE TABLE ownerships (
    user_id     uuid        NOT NULL,
    code        text        NOT NULL REFERENCES characters (code),
    source      text        NOT NULL CHECK (source IN ('default', 'scan', 'admin')),
    task_id     uuid,                     -- the scan that unlocked it
    unlocked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, code)
);

CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE published_at IS NULL;

CREATE TABLE processed_events (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO characters (code, name, type_label, dialog, unlock_hint, is_default, position) VALUES
('eco',     '이코',   '기본',         '안녕! 나는 이코야. 같이 분리배출 하러 가 볼까?',              '가입하면 바로 함께해요.',                        true,  1),
('paper',   '페이피', '종이류',       '테이프랑 스프링은 떼고 납작하게 펴서 묶어 줘!',               '종이류(신문, 책, 상자)를 스캔해 보세요.',         false, 2),
('pack',    '팩토리', '종이팩',       '우유팩은 헹궈서 펼치면 화장지로 다시 태어나!',                '우유팩 같은 종이팩을 스캔해 보세요.',             false, 3),
('pet',     '페티',   '투명 페트병',  '라벨 떼고, 헹구고, 찌그러뜨리고, 뚜껑 닫기! 기억하지?',        '투명 페트병을 스캔해 보세요.',                    false, 4),
('plastic', '플리',   '플라스틱 용기', '내용물은 비우고 헹궈서 내놓으면 새 제품이 될 수 있어.',       '플라스틱 용기를 스캔해 보세요.',                  false, 5),
('vinyl',   '비니',   '비닐류',       '과자 봉지도 깨끗하면 비닐류로! 흩날리지 않게 모아 줘.',       '비닐 포장재를 스캔해 보세요.',                    false, 6),
('foam',    '폼이',   '스티로폼',     '테이프와 스티커는 떼고, 음식물이 묻었으면 깨끗이 씻어 줘.',   '스티로폼 완충재나 용기를 스캔해 보세요.',         false, 7),
('glass',   '글래시', '유리병',       '병뚜껑은 따로! 깨진 유리는 나 말고 신문지에 싸서 버려 줘.',   '유리병을 스캔해 보세요.',                         false, 8),
('metal',   '메탈리', '캔·고철',      '캔은 헹궈서, 부탄가스는 구멍 내서 가스를 꼭 빼 줘!',          '캔이나 고철을 스캔해 보세요.',                    false, 9),
('cotton',  '코튼',   '의류·섬유',    '입지 않는 옷은 의류수거함에! 젖지 않게 봉투에 담아 줘.',      '헌 옷이나 섬유 제품을 스캔해 보세요.',            false, 10),
('battery', '배리',   '폐건전지',     '건전지는 일반쓰레기가 아니야. 전용 수거함에 넣어 줘!',        '폐건전지를 스캔해 보세요.',                       false, 11),
('light',   '라이티', '폐조명',       '형광등은 깨지지 않게 그대로 전용 수거함으로!',                '형광등이나 LED 조명을 스캔해 보세요.',            false, 12),
('elec',    '일렉',   '폐가전',       '다 쓴 가전은 무상 방문수거로 다시 자원이 돼.',                '가전제품이나 휴대폰을 스캔해 보세요.',            false, 13);

INSERT INTO subcategory_characters (subcategory, code) VALUES
('종이류', 'paper'), ('골판지', 'paper'),
('종이팩', 'pack'), ('종이컵', 'pack'),
('페트', 'pet'),
('플라스틱 용기', 'plastic'),
('비닐류', 'vinyl'),
('발포합성수지', 'foam'), ('발포합성수지·종이 용기', 'foam'),
('유리병', 'glass'), ('빈용기보증금', 'glass'),
('고철', 'metal'), ('캔류', 'metal'), ('캔류(가스 용기)', 'metal'),
('의류·섬유', 'cotton'),
('전지류', 'battery'),
('조명(수은 함유)', 'light'), ('조명', 'light'),
('대형 가전', 'elec'), ('소형 가전', 'elec'), ('정보통신기기', 'elec');
