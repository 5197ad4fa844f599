-- When in a conversation a macro may be offered (Macro.Moment): OPENING until the agent's first reply (a
-- greeting), CLOSING once the agent has replied (a closing), ANY_TIME otherwise. Matched on text alone, the
-- greeting came first for vague Chinese follow-ups in the middle of a conversation.
ALTER TABLE macros ADD COLUMN moment VARCHAR(16) NOT NULL DEFAULT 'ANY_TIME';

-- Starter macros seeded before this version get the moments new data folders seed them with (StarterMacros),
-- matched by language and title; a macro a supervisor renamed or wrote stays ANY_TIME until they choose.
UPDATE macros SET moment = 'OPENING' WHERE moment = 'ANY_TIME' AND language = 'en' AND title = 'Greeting';
UPDATE macros SET moment = 'OPENING' WHERE moment = 'ANY_TIME' AND language = 'zh' AND title = '问候';
UPDATE macros SET moment = 'CLOSING' WHERE moment = 'ANY_TIME' AND language = 'en' AND title = 'Closing';
UPDATE macros SET moment = 'CLOSING' WHERE moment = 'ANY_TIME' AND language = 'zh' AND title = '结束语';
