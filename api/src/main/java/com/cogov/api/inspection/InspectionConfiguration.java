package com.cogov.api.inspection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * On-site inspection settings ({@code cogov.inspection.*}).
 *
 * @param offSiteMeters       an inspection recorded farther than this from the pharmacy is flagged OFF_SITE
 * @param defaultRadiusMeters the inspector's "nearby" radius when none is asked
 * @param maxRadiusMeters     the widest radius asked for: a whole district fits well within it
 * @param photoMaxBytes       evidence photos are kept at full resolution (and with their EXIF time)
 * @param unusedPhotoTtl      an evidence photo no inspection or rectification used is removed after this
 * @param lastInspections     how many of a pharmacy's inspections its page shows
 * @param scheduleInterval    how often reminders and overdue marks are worked (on one node)
 */
@ConfigurationProperties(InspectionConfiguration.PREFIX)
record InspectionConfiguration(
        @Bindable(defaultValue = "500") int offSiteMeters,
        @Bindable(defaultValue = "5000") int defaultRadiusMeters,
        @Bindable(defaultValue = "50000") int maxRadiusMeters,
        @Bindable(defaultValue = "10485760") int photoMaxBytes,
        @Bindable(defaultValue = "1d") Duration unusedPhotoTtl,
        @Bindable(defaultValue = "5") int lastInspections,
        @Bindable(defaultValue = "15m") Duration scheduleInterval) {

    static final String PREFIX = "cogov.inspection";
}
