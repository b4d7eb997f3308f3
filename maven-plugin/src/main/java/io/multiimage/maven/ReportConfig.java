package io.multiimage.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <report>}: what the memory report compares with and enforces.
 *
 * <pre>{@code
 * <report>
 *   <baseline>com.acme:product:1.4.0</baseline>  <!-- or a path to a build-info.json -->
 *   <budgets>
 *     <budget>
 *       <image>app</image>
 *       <flash>90%</flash>                      <!-- of the image's partition -->
 *       <ram>48K</ram>                          <!-- or bytes: 49152, 0xc000, 48K, 1M -->
 *     </budget>
 *   </budgets>
 * </report>
 * }</pre>
 */
public class ReportConfig {

    private String baseline;
    private List<Budget> budgets = new ArrayList<>();

    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }

    public List<Budget> getBudgets() {
        return budgets;
    }

    public void setBudgets(List<Budget> budgets) {
        this.budgets = budgets;
    }
}
