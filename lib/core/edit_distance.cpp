// Optimal-string-alignment Damerau-Levenshtein distance (edit_distance.hpp).
#include <oversight/core/edit_distance.hpp>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace oversight {

int edit_distance(std::string_view a, std::string_view b, int max) {
    if (max < 0) max = 0;
    const int over = max == std::numeric_limits<int>::max() ? max : max + 1;
    if (a == b) return 0;
    if (a.size() < b.size()) std::swap(a, b);  // rows over the shorter string
    const std::size_t n = a.size(), m = b.size();
    // Each edit changes the length by at most one.
    if (n - m > static_cast<std::size_t>(max)) return over;
    // Three rolling rows: d[i-2], d[i-1], d[i] of the (n+1) x (m+1) table,
    // computed only inside the band |i - j| <= max (Ukkonen): a cell outside
    // it is at least max + 1 already. So the work is O(n * max), not O(n * m).
    const std::size_t band = static_cast<std::size_t>(max);
    std::vector<int> two(m + 1, over), one(m + 1, over), cur(m + 1, over);
    for (std::size_t j = 0; j <= m; ++j) one[j] = static_cast<int>(std::min<std::size_t>(j, over));
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > band ? i - band : 1;
        const std::size_t hi = std::min(m, band > m ? m : i + band);
        cur[0] = static_cast<int>(std::min<std::size_t>(i, over));
        if (lo > 1) cur[lo - 1] = over;  // left of the band
        int row_min = lo == 1 ? cur[0] : over;
        for (std::size_t j = lo; j <= hi; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({one[j] + 1, cur[j - 1] + 1, one[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, two[j - 2] + 1);
            cur[j] = std::min(v, over);  // saturate: no overflow, and nothing above the bound matters
            row_min = std::min(row_min, cur[j]);
        }
        if (hi < m) cur[hi + 1] = over;  // right of the band, read by the next row
        // A row's minimum never decreases further down the table, so once
        // it passes the bound the distance does too.
        if (row_min > max) return over;
        std::swap(two, one);
        std::swap(one, cur);
    }
    return std::min(one[m], over);
}

int edit_distance(std::string_view a, std::string_view b) {
    return edit_distance(a, b, std::numeric_limits<int>::max());
}

}  // namespace oversight
