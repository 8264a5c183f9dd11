package eco2.location.centers;

/** Opening hours per weekday and on public holidays, as the provider wrote them (e.g. "09:00~18:00", "휴무"). */
public record OpeningHours(
        String mon, String tue, String wed, String thu, String fri, String sat, String sun, String holiday) {}
