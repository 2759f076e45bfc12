-- A registration's public number (the one on the receipt and in the pharmacy's list) is stored and no longer made from
-- the city-wide id: DJ, the China date it was recorded, nine random digits and a check digit. The id counted up across
-- the city, so any pharmacy could read the city's sales volume from two of its own numbers. The id stays internal.
ALTER TABLE registration ADD COLUMN number CHAR(20) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER id;

-- Numbers already given out stay what they were (DJ, the China date recorded, the id in ten digits): they are printed
-- on receipts. China has no daylight saving, so the fixed offset is the China date.
SET @cogov_time_zone = @@session.time_zone;
SET time_zone = '+08:00';
UPDATE registration SET number = CONCAT('DJ', DATE_FORMAT(recorded_at, '%Y%m%d'), LPAD(id, 10, '0'));
SET time_zone = @cogov_time_zone;

-- Unique: a new number that happens to be taken (old or new) fails its insert and is drawn again.
ALTER TABLE registration
    MODIFY number CHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ADD UNIQUE KEY uk_registration_number (number);
