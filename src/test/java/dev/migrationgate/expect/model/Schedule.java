package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

/** Every temporal Java type, under the default time-zone storage unless annotated otherwise. */
@Entity
@Table(name = "schedules")
public class Schedule {

    @Id
    public Long id;

    @Column(name = "local_date_time")
    public LocalDateTime localDateTime;

    @Column(name = "instant")
    public Instant instant;

    @Column(name = "offset_date_time")
    public OffsetDateTime offsetDateTime;

    @Column(name = "zoned_date_time")
    public ZonedDateTime zonedDateTime;

    @Column(name = "local_date")
    public LocalDate localDate;

    @Column(name = "local_time")
    public LocalTime localTime;

    @Column(name = "offset_time")
    public OffsetTime offsetTime;

    @TimeZoneStorage(TimeZoneStorageType.NORMALIZE)
    @Column(name = "normalized_offset_date_time")
    public OffsetDateTime normalizedOffsetDateTime;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "util_date")
    public Date utilDate;

    @Temporal(TemporalType.DATE)
    @Column(name = "util_date_as_date")
    public Date utilDateAsDate;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "calendar")
    public Calendar calendar;

    @Column(name = "sql_timestamp")
    public java.sql.Timestamp sqlTimestamp;

    @Column(name = "sql_date")
    public java.sql.Date sqlDate;

    @Column(name = "sql_time")
    public java.sql.Time sqlTime;
}
