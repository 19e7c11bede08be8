// A synthetic SSDA903 return (fictional children), written as the three CSV
// files of one folder. Shared by the import benchmark (tests/bench/import_903.cpp)
// and the kill test (tests/cpp/store/kill_import_test.cpp): it uses only the
// standard library.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace oversight::test {

/// A dd/mm/yyyy date `serial` days after 2015-01-01 (28-day months keep it simple).
inline std::string ssda903_dmy(int serial) {
    const int y = 2015 + serial / 336, m = 1 + (serial % 336) / 28, d = 1 + serial % 28;
    char buf[40];  // room for any int, so the compiler sees nothing cut
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
    return buf;
}

/// Writes header.csv, episodes.csv and reviews.csv for `n` children (1 to 3
/// episodes and 2 reviews each) into `dir`; returns the number of data rows
/// of episodes and reviews plus one per child.
inline long write_ssda903_return(const std::filesystem::path& dir, long n) {
    std::filesystem::create_directories(dir);
    std::ofstream h(dir / "header.csv"), e(dir / "episodes.csv"), r(dir / "reviews.csv");
    h << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    e << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    r << "CHILD,DOB,REVIEW,REVIEW_CODE\n";
    static const char* const places[] = {"U1", "U3", "U4", "U6", "K2", "P1", "R1", "H5"};
    static const char* const legal[] = {"C1", "C2", "V2", "E1"};
    long rows = 0;
    for (long i = 0; i < n; ++i) {
        const std::string id = "C" + std::to_string(100000 + i);
        const std::string dob = ssda903_dmy(static_cast<int>(i % 300));
        h << id << ",1," << dob << ",WBRI,A" << (100000000000 + i) << ",,\n";
        const int episodes = 1 + static_cast<int>(i % 3);
        int start = 1000 + static_cast<int>(i % 700);
        for (int k = 0; k < episodes; ++k) {
            const bool last = k + 1 == episodes;
            const int end = start + 40 + static_cast<int>((i + k) % 90);
            e << id << ',' << ssda903_dmy(start) << ',' << (k == 0 ? (i % 4 ? "S" : "P") : "P") << ','
              << legal[(i + k) % 4] << ",N1," << places[(i + k) % 8] << ",PR1,"
              << (last ? "" : ssda903_dmy(end)) << ',' << (last ? "" : "X1") << ",,,,\n";
            start = end;
            ++rows;
        }
        r << id << ',' << dob << ',' << ssda903_dmy(1010 + static_cast<int>(i % 700)) << ",PN1\n";
        r << id << ',' << dob << ',' << ssda903_dmy(1100 + static_cast<int>(i % 700)) << ",PN3\n";
        rows += 3;
    }
    return rows;
}

}  // namespace oversight::test
